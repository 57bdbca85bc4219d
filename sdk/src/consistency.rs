//! Read-after-write on a Sui fullnode.
//!
//! A fullnode answers `ExecuteTransaction` with effects before its own reads show them: right
//! after a transaction, an object it created is not found, an owned object it changed is read
//! back at its old version (and a transaction built from that read is refused "not available for
//! consumption"), and a Host it changed shows its old endpoints. The client therefore never reads
//! back what it can learn from the effects, and waits where a read must see a write:
//!
//! - [`Client::learn`]: every executed transaction's effects list each changed object with its
//!   new version, digest and owner; the client keeps the signer's owned objects (a HostCap) and
//!   the initial versions of shared objects it created, so its next transaction needs no read.
//! - [`Client::wait_for_transaction`]: polls until the node's reads show a transaction (as the
//!   TypeScript SDK's `waitForTransaction`); with [`ClientConfig::wait_for_reads`] every
//!   transaction does so before it returns, which is what a command-line tool needs so that the
//!   next command (another process) sees its write.
//! - [`stale_object`] and [`Client::object_at_least`]: a refusal for a stale object names its
//!   current version; the object is read again until the node shows that version, and only then
//!   is a new transaction built on it (never a different transaction on a coin still in flight).
//!
//! [`ClientConfig::wait_for_reads`]: crate::ClientConfig::wait_for_reads

use std::time::Duration;

use prost_types::FieldMask;
use sui_rpc::field::FieldMaskUtil;
use sui_rpc::proto::sui::rpc::v2 as pb;
use sui_sdk_types::{Address, Digest, ObjectReference, Owner};

use crate::client::Client;
use crate::error::{Error, Result};
use crate::outcome::Executed;

/// How long a read may trail a write before waiting for it fails.
pub const READ_WAIT: Duration = Duration::from_secs(30);

/// The object and its current version named by a "not available for consumption" refusal
/// (Sui: "Object ID 0x… Version 0x3 Digest … is not available for consumption, current
/// version: 0x4").
pub fn stale_object(message: &str) -> Option<(Address, u64)> {
    if !message.contains("not available for consumption") {
        return None;
    }
    let id = message
        .split_once("Object ID ")?
        .1
        .split_whitespace()
        .next()?
        .trim_end_matches(',')
        .parse()
        .ok()?;
    let current = message
        .rsplit_once("current version: ")?
        .1
        .split(|c: char| !c.is_ascii_alphanumeric())
        .next()?;
    let current = match current.strip_prefix("0x") {
        Some(hex) => u64::from_str_radix(hex, 16).ok()?,
        None => current.parse().ok()?,
    };
    Some((id, current))
}

/// Waits between polls of a read that must see a write: 50 ms, doubling to 500 ms.
fn poll_delays() -> impl Iterator<Item = Duration> {
    (0..).map(|i: u32| Duration::from_millis(50u64.saturating_mul(1 << i.min(4)).min(500)))
}

impl Client {
    /// Keeps what a transaction's effects say of the objects a transaction changed: the signer's owned objects
    /// at their new versions (others forgotten: deleted, wrapped or given away) and the initial
    /// versions of shared objects.
    pub(crate) fn learn(&self, t: &Executed) {
        *self.inner.last.lock().expect("lock") = Some(t.digest);
        let me = self.inner.cfg.key.as_ref().map(|k| k.address());
        let mut owned = self.inner.owned.lock().expect("lock");
        let mut shared = self.inner.shared.lock().expect("lock");
        for c in &t.effects.changed_objects {
            match t.written(c) {
                Some((r, Owner::Shared(v))) => {
                    shared.insert(c.object_id, v);
                    owned.remove(r.object_id());
                }
                Some((r, Owner::Address(a))) if Some(a) == me => {
                    owned.insert(c.object_id, r);
                }
                _ => {
                    owned.remove(&c.object_id);
                }
            }
        }
    }

    /// Waits until the node's reads show every transaction this client executed (its last one):
    /// call it before other clients or processes read what this one wrote.
    pub async fn sync(&self) -> Result<()> {
        let last = *self.inner.last.lock().expect("lock");
        match last {
            Some(d) => self.wait_for_transaction(d).await,
            None => Ok(()),
        }
    }

    /// The version of an owned object that the client's own transactions left, if it knows one.
    pub(crate) fn known_owned(&self, id: &Address) -> Option<ObjectReference> {
        self.inner.owned.lock().expect("lock").get(id).cloned()
    }

    /// Forgets what the client knew of an object (it moved on elsewhere).
    pub(crate) fn forget_owned(&self, id: &Address) {
        self.inner.owned.lock().expect("lock").remove(id);
    }

    /// Waits until the node's reads show transaction `digest` (GetTransaction finds it), for at
    /// most [`READ_WAIT`]. Objects, owned-object listings and balances then show its effects.
    pub async fn wait_for_transaction(&self, digest: Digest) -> Result<()> {
        let deadline = tokio::time::Instant::now() + READ_WAIT;
        for delay in poll_delays() {
            let req = pb::GetTransactionRequest::default()
                .with_digest(digest.to_string())
                .with_read_mask(FieldMask::from_str("digest"));
            match self.rpc().ledger_client().get_transaction(req).await {
                Ok(_) => return Ok(()),
                Err(s) if s.code() == tonic::Code::NotFound => {}
                Err(s) => {
                    let e = Error::rpc(s);
                    if !e.is_transient() {
                        return Err(e);
                    }
                }
            }
            if tokio::time::Instant::now() + delay > deadline {
                break;
            }
            tokio::time::sleep(delay).await;
        }
        Err(Error::Timeout(
            READ_WAIT,
            format!("transaction {digest} to be readable on the node"),
        ))
    }

    /// Reads owned object `id` until the node shows it at `version` or later (a refusal named
    /// that version as current), for at most [`READ_WAIT`].
    pub(crate) async fn object_at_least(
        &self,
        id: Address,
        version: u64,
    ) -> Result<ObjectReference> {
        let deadline = tokio::time::Instant::now() + READ_WAIT;
        for delay in poll_delays() {
            match self.get_object(id, "object_id,version,digest").await {
                Ok(o) if o.version() >= version => {
                    let digest = o.digest().parse().map_err(|e| Error::Decode {
                        what: "object digest".into(),
                        reason: format!("{e}"),
                    })?;
                    return Ok(ObjectReference::new(id, o.version(), digest));
                }
                Ok(_) | Err(Error::NotFound { .. }) => {}
                Err(e) => return Err(e),
            }
            if tokio::time::Instant::now() + delay > deadline {
                break;
            }
            tokio::time::sleep(delay).await;
        }
        Err(Error::Timeout(
            READ_WAIT,
            format!("object {id} to be readable at version {version}"),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stale_objects_are_read_from_sui_and_localnet_wording() {
        let id = "0x3b0d1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7";
        let sui = format!(
            "Transaction validator signing failed due to issues with transaction inputs, please \
             review the errors and try again:\n- Object ID {id} Version 0x3 Digest \
             9WXt2bVKLmPiEcTyN1fbCHzWbTgqpYZSu6KNWsjKabCj is not available for consumption, \
             current version: 0x4"
        );
        assert_eq!(stale_object(&sui), Some((id.parse().unwrap(), 4)));
        let decimal = format!("Object ID {id} Version 3 Digest x is not available for consumption, current version: 12.");
        assert_eq!(stale_object(&decimal), Some((id.parse().unwrap(), 12)));
        assert_eq!(stale_object("object not found"), None);
        assert_eq!(
            stale_object("is not available for consumption, current version: 0x4"),
            None,
            "no object named"
        );
    }

    #[test]
    fn polls_back_off_to_half_a_second() {
        let d: Vec<u64> = poll_delays()
            .take(7)
            .map(|d| d.as_millis() as u64)
            .collect();
        assert_eq!(d, vec![50, 100, 200, 400, 500, 500, 500]);
    }
}
