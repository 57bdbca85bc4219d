//! Typed readers of dtp objects: the Host, the Pipe, and the requests in its tables, decoded with
//! the protocol types after checking the object's Move type.

use dtp_protocol::{Host, HostCap, Pipe, Request};
use prost_types::FieldMask;
use sui_rpc::field::FieldMaskUtil;
use sui_rpc::proto::sui::rpc::v2 as pb;
use sui_sdk_types::{Address, StructTag, TypeTag};

use crate::client::Client;
use crate::error::{Error, Result};

impl Client {
    fn dtp_type(&self, module: &str, name: &str) -> String {
        format!("{}::{module}::{name}", self.package())
    }

    async fn typed<T: serde::de::DeserializeOwned>(
        &self,
        id: Address,
        module: &str,
        name: &str,
    ) -> Result<T> {
        let o = self.get_object(id, "object_type,contents").await?;
        let want: StructTag = self.dtp_type(module, name).parse().expect("valid type");
        let actual = o.object_type().to_string();
        if actual.parse::<StructTag>().ok().as_ref() != Some(&want) {
            let actual = if actual.is_empty() {
                "package".into()
            } else {
                actual
            };
            return Err(Error::WrongType {
                id,
                expected: format!("dtp::{module}::{name}"),
                actual,
            });
        }
        let bytes = o
            .contents
            .as_ref()
            .map(|c| c.value().to_vec())
            .unwrap_or_default();
        bcs::from_bytes(&bytes).map_err(|e| Error::Decode {
            what: format!("{module}::{name} {id}"),
            reason: e.to_string(),
        })
    }

    /// Reads Host `id`.
    pub async fn host(&self, id: Address) -> Result<Host> {
        self.typed(id, "host", "Host").await
    }

    /// Reads Pipe `id` (its object; the entries are read with `table` / `entry`).
    pub async fn pipe(&self, id: Address) -> Result<Pipe> {
        self.typed(id, "pipe", "Pipe").await
    }

    /// Reads HostCap `id`.
    pub async fn host_cap(&self, id: Address) -> Result<HostCap> {
        self.typed(id, "host", "HostCap").await
    }

    /// The HostCap of `host` owned by the signer, if any.
    pub async fn find_cap(&self, host: Address) -> Result<Option<Address>> {
        let me = self.address()?;
        let req = pb::ListOwnedObjectsRequest::default()
            .with_owner(me.to_string())
            .with_object_type(self.dtp_type("host", "HostCap"))
            .with_page_size(1000u32)
            .with_read_mask(FieldMask::from_str("object_id,contents"));
        let resp = self
            .rpc()
            .state_client()
            .list_owned_objects(req)
            .await
            .map_err(Error::rpc)?
            .into_inner();
        for o in resp.objects {
            let cap: HostCap =
                bcs::from_bytes(o.contents.as_ref().map(|c| c.value()).unwrap_or_default())
                    .map_err(|e| Error::Decode {
                        what: "HostCap".into(),
                        reason: e.to_string(),
                    })?;
            if cap.host == host {
                return Ok(Some(cap.id));
            }
        }
        Ok(None)
    }

    /// The request `seq` of a request table (a Pipe's `pending.id` or `dead.id`, which never
    /// change: callers may keep them and save reading the Pipe), if it is there.
    pub async fn entry(&self, table: Address, seq: u64) -> Result<Option<Request>> {
        let id = table.derive_dynamic_child_id(&TypeTag::U64, &seq.to_le_bytes());
        match self.get_object(id, "contents").await {
            Ok(o) => {
                let bytes = o
                    .contents
                    .as_ref()
                    .map(|c| c.value().to_vec())
                    .unwrap_or_default();
                let (_, _, r): (Address, u64, Request) =
                    bcs::from_bytes(&bytes).map_err(|e| Error::Decode {
                        what: format!("request {seq}"),
                        reason: e.to_string(),
                    })?;
                Ok(Some(r))
            }
            Err(Error::NotFound { .. }) => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// A pending request of `pipe`, if it is pending.
    pub async fn pending(&self, pipe: &Pipe, seq: u64) -> Result<Option<Request>> {
        self.entry(pipe.pending.id, seq).await
    }

    /// A dead-lettered request of `pipe`, if it is dead.
    pub async fn dead(&self, pipe: &Pipe, seq: u64) -> Result<Option<Request>> {
        self.entry(pipe.dead.id, seq).await
    }

    /// Every request of a table (`pipe.pending.id` or `pipe.dead.id`), by listing its fields.
    pub async fn table(&self, table: Address) -> Result<Vec<Request>> {
        let mut out = Vec::new();
        let mut token = None;
        loop {
            let mut req = pb::ListDynamicFieldsRequest::default()
                .with_parent(table.to_string())
                .with_page_size(1000u32)
                .with_read_mask(FieldMask::from_str("value"));
            req.page_token = token;
            let resp = self
                .rpc()
                .state_client()
                .list_dynamic_fields(req)
                .await
                .map_err(Error::rpc)?
                .into_inner();
            for f in resp.dynamic_fields {
                let bytes = f
                    .value
                    .as_ref()
                    .map(|v| v.value().to_vec())
                    .unwrap_or_default();
                out.push(
                    bcs::from_bytes::<Request>(&bytes).map_err(|e| Error::Decode {
                        what: "table entry".into(),
                        reason: e.to_string(),
                    })?,
                );
            }
            match resp.next_page_token {
                Some(t) if !t.is_empty() => token = Some(t),
                _ => break,
            }
        }
        out.sort_by_key(|r| r.seq);
        Ok(out)
    }
}
