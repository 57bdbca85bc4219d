//! Every function of the dtp package as a typed method. Arguments are laid out from the package
//! schema (`dtp_protocol::schema`), so the SDK cannot drift from the Move signatures.

use dtp_protocol::schema::{Function, Param, Value};
use dtp_protocol::{EndpointArgs, Event, HostConfig, Policy};
use sui_sdk_types::{Address, Identifier};
use sui_transaction_builder::ObjectInput;

use crate::client::{Client, Outcome};
use crate::consistency::stale_object;
use crate::error::{Error, Result};

/// The Clock, as every Sui client references it.
pub fn clock() -> ObjectInput {
    ObjectInput::shared(Address::from_static("0x6"), 1, false)
}

/// The objects a call uses.
#[derive(Debug, Clone, Copy, Default)]
pub struct Objects {
    pub host: Option<Address>,
    pub pipe: Option<Address>,
    pub cap: Option<Address>,
}

fn config_values(c: &HostConfig) -> Vec<Value> {
    vec![
        Value::U64(c.heartbeat_timeout_ms),
        Value::U32(c.healthy_threshold),
        Value::U64(c.lease_ms),
        Value::U32(c.max_attempts),
        Value::U64(c.max_payload),
        Value::U64(c.max_pending),
    ]
}

fn endpoint_values(a: &EndpointArgs) -> Vec<Value> {
    vec![
        Value::Address(a.server),
        Value::String(a.label.clone()),
        Value::String(a.region.clone()),
        Value::U32(a.weight),
        Value::U32(a.max_inflight),
        Value::U8(a.role),
    ]
}

use dtp_protocol::constants::{MAX_PURE_ARGUMENT, MAX_SENDABLE_PAYLOAD};

/// What storing one byte costs on Sui (storage price 76 per unit, 100 units per byte), an upper
/// bound of what a call's stored bytes add to its gas.
pub const STORAGE_MIST_PER_BYTE: u64 = 7_600;

impl Client {
    /// Calls `name` with `objs` and the pure arguments `vals` in schema order.
    pub async fn call(&self, name: &str, objs: Objects, vals: Vec<Value>) -> Result<Outcome> {
        let f = Function::find(name)
            .ok_or_else(|| Error::Invalid(format!("dtp has no function {name}")))?;
        let need = |o: Option<Address>, what: &str| {
            o.ok_or_else(|| Error::Invalid(format!("{name} needs a {what}")))
        };
        let pure_vals = vals;
        if pure_vals.len() != f.pure_params().count() {
            return Err(Error::Invalid(format!(
                "{name} takes {} values, got {}",
                f.pure_params().count(),
                pure_vals.len()
            )));
        }
        for ((param, _), v) in f.pure_params().zip(&pure_vals) {
            let n = v.to_bcs().len();
            if n > MAX_PURE_ARGUMENT {
                return Err(Error::Invalid(format!(
                    "{name}: `{param}` is {n} bytes of BCS, over the {MAX_PURE_ARGUMENT} bytes Sui \
                     takes in one argument (a payload can be at most {MAX_SENDABLE_PAYLOAD} bytes)"
                )));
            }
        }
        let package = self.package();
        // Bytes a call may store (a payload, a label) are paid from the budget: at Sui's storage
        // price a 16 KiB payload alone needs about 125,000,000 MIST, over the default budget
        // (50,000,000 covers about 6 KiB).
        let stored: u64 = pure_vals
            .iter()
            .map(|v| match v {
                Value::Bytes(b) => b.len() as u64,
                Value::String(s) => s.len() as u64,
                _ => 0,
            })
            .sum();
        // The configured budget covers small calls; a call storing more gets its storage plus
        // half that budget for the rest.
        let base = self.config().gas_budget;
        let budget = base.max(
            stored
                .saturating_mul(STORAGE_MIST_PER_BYTE)
                .saturating_add(base / 2),
        );
        // An owned input (the HostCap) read back stale is refused naming its current version:
        // read it again until the node shows that version, then build again. Nothing executed.
        let mut tries = 0;
        loop {
            let mut inputs = Vec::new();
            for p in f.params {
                inputs.push(match p {
                    Param::Host { mutable } => {
                        Some(self.shared(need(objs.host, "host")?, *mutable).await?)
                    }
                    Param::Pipe => Some(self.shared(need(objs.pipe, "pipe")?, true).await?),
                    Param::Cap => Some(self.owned(need(objs.cap, "HostCap")?).await?),
                    Param::Clock => Some(clock()),
                    Param::Pure(..) => None,
                });
            }
            let vals = pure_vals.clone();
            let result = self
                .execute_with_budget(name, budget, move |b| {
                    let mut pv = vals.into_iter();
                    let args = inputs
                        .into_iter()
                        .map(|i| match i {
                            Some(obj) => b.object(obj),
                            None => b.pure_bytes(pv.next().expect("counted").to_bcs()),
                        })
                        .collect();
                    let func = sui_transaction_builder::Function::new(
                        package,
                        Identifier::new(f.module).expect("module"),
                        Identifier::new(f.name).expect("name"),
                    );
                    b.move_call(func, args);
                })
                .await;
            let stale = match &result {
                Err(Error::Rejected(m)) => stale_object(m).filter(|(id, _)| Some(*id) == objs.cap),
                _ => None,
            };
            match stale {
                Some((id, current)) if tries < 3 => {
                    tries += 1;
                    tracing::debug!(%id, current, "{name}: the HostCap was read stale; reading it again");
                    self.forget_owned(&id);
                    self.object_at_least(id, current).await?;
                }
                _ => return result,
            }
        }
    }

    /// Creates a Host (shared) and its HostCap (sent to the signer): returns (host, cap).
    pub async fn create_host(
        &self,
        label: &str,
        config: &HostConfig,
    ) -> Result<(Address, Address)> {
        let mut vals = vec![Value::String(label.into())];
        vals.extend(config_values(config));
        let o = self.call("create_host", Objects::default(), vals).await?;
        let host = o
            .created_of("::host::Host")
            .ok_or_else(|| Error::Invalid("create_host created no Host".into()))?;
        let cap = o
            .created_of("::host::HostCap")
            .ok_or_else(|| Error::Invalid("create_host created no HostCap".into()))?;
        Ok((host, cap))
    }

    pub async fn add_endpoint(
        &self,
        host: Address,
        cap: Address,
        args: &EndpointArgs,
    ) -> Result<Outcome> {
        self.call(
            "add_endpoint",
            Objects {
                host: Some(host),
                cap: Some(cap),
                pipe: None,
            },
            endpoint_values(args),
        )
        .await
    }

    pub async fn update_endpoint(
        &self,
        host: Address,
        cap: Address,
        args: &EndpointArgs,
    ) -> Result<Outcome> {
        self.call(
            "update_endpoint",
            Objects {
                host: Some(host),
                cap: Some(cap),
                pipe: None,
            },
            endpoint_values(args),
        )
        .await
    }

    pub async fn set_state(
        &self,
        host: Address,
        cap: Address,
        server: Address,
        state: u8,
    ) -> Result<Outcome> {
        self.call(
            "set_state",
            Objects {
                host: Some(host),
                cap: Some(cap),
                pipe: None,
            },
            vec![Value::Address(server), Value::U8(state)],
        )
        .await
    }

    pub async fn remove_endpoint(
        &self,
        host: Address,
        cap: Address,
        server: Address,
    ) -> Result<Outcome> {
        self.call(
            "remove_endpoint",
            Objects {
                host: Some(host),
                cap: Some(cap),
                pipe: None,
            },
            vec![Value::Address(server)],
        )
        .await
    }

    pub async fn set_config(
        &self,
        host: Address,
        cap: Address,
        config: &HostConfig,
    ) -> Result<Outcome> {
        self.call(
            "set_config",
            Objects {
                host: Some(host),
                cap: Some(cap),
                pipe: None,
            },
            config_values(config),
        )
        .await
    }

    pub async fn heartbeat(&self, host: Address, ready: bool, load: u32) -> Result<Outcome> {
        self.call(
            "heartbeat",
            Objects {
                host: Some(host),
                ..Default::default()
            },
            vec![Value::Bool(ready), Value::U32(load)],
        )
        .await
    }

    pub async fn drain_self(&self, host: Address) -> Result<Outcome> {
        self.call(
            "drain_self",
            Objects {
                host: Some(host),
                ..Default::default()
            },
            vec![],
        )
        .await
    }

    pub async fn resume_self(&self, host: Address) -> Result<Outcome> {
        self.call(
            "resume_self",
            Objects {
                host: Some(host),
                ..Default::default()
            },
            vec![],
        )
        .await
    }

    /// Creates a Pipe on `host`: returns its id.
    pub async fn create_pipe(
        &self,
        host: Address,
        cap: Address,
        label: &str,
        policy: Policy,
    ) -> Result<Address> {
        let o = self
            .call(
                "create_pipe",
                Objects {
                    host: Some(host),
                    cap: Some(cap),
                    pipe: None,
                },
                vec![Value::String(label.into()), Value::U8(policy as u8)],
            )
            .await?;
        o.created_of("::pipe::Pipe")
            .ok_or_else(|| Error::Invalid("create_pipe created no Pipe".into()))
    }

    pub async fn set_policy(
        &self,
        pipe: Address,
        host: Address,
        cap: Address,
        policy: Policy,
    ) -> Result<Outcome> {
        self.call(
            "set_policy",
            Objects {
                host: Some(host),
                cap: Some(cap),
                pipe: Some(pipe),
            },
            vec![Value::U8(policy as u8)],
        )
        .await
    }

    /// Sends a request; returns its `Assigned` event (seq, server, attempt, deadline).
    pub async fn send(
        &self,
        pipe: Address,
        host: Address,
        payload: Vec<u8>,
        key: Vec<u8>,
        region: &str,
    ) -> Result<dtp_protocol::events::Assigned> {
        let o = self
            .call(
                "send",
                Objects {
                    host: Some(host),
                    pipe: Some(pipe),
                    cap: None,
                },
                vec![
                    Value::Bytes(payload),
                    Value::Bytes(key),
                    Value::String(region.into()),
                ],
            )
            .await?;
        o.events
            .into_iter()
            .find_map(|e| match e {
                Event::Assigned(a) => Some(a),
                _ => None,
            })
            .ok_or_else(|| Error::Invalid("send emitted no Assigned event".into()))
    }

    pub async fn cancel(&self, pipe: Address, seq: u64) -> Result<Outcome> {
        self.call(
            "cancel",
            Objects {
                pipe: Some(pipe),
                ..Default::default()
            },
            vec![Value::U64(seq)],
        )
        .await
    }

    pub async fn claim(
        &self,
        pipe: Address,
        host: Address,
        seq: u64,
        attempt: u32,
    ) -> Result<Outcome> {
        self.call(
            "claim",
            Objects {
                host: Some(host),
                pipe: Some(pipe),
                cap: None,
            },
            vec![Value::U64(seq), Value::U32(attempt)],
        )
        .await
    }

    pub async fn complete(
        &self,
        pipe: Address,
        host: Address,
        seq: u64,
        attempt: u32,
        ok: bool,
        response: Vec<u8>,
    ) -> Result<Outcome> {
        self.call(
            "complete",
            Objects {
                host: Some(host),
                pipe: Some(pipe),
                cap: None,
            },
            vec![
                Value::U64(seq),
                Value::U32(attempt),
                Value::Bool(ok),
                Value::Bytes(response),
            ],
        )
        .await
    }

    pub async fn release(
        &self,
        pipe: Address,
        host: Address,
        seq: u64,
        attempt: u32,
    ) -> Result<Outcome> {
        self.call(
            "release",
            Objects {
                host: Some(host),
                pipe: Some(pipe),
                cap: None,
            },
            vec![Value::U64(seq), Value::U32(attempt)],
        )
        .await
    }

    pub async fn takeover(&self, pipe: Address, host: Address, seq: u64) -> Result<Outcome> {
        self.call(
            "takeover",
            Objects {
                host: Some(host),
                pipe: Some(pipe),
                cap: None,
            },
            vec![Value::U64(seq)],
        )
        .await
    }

    pub async fn redrive(
        &self,
        pipe: Address,
        host: Address,
        cap: Address,
        seq: u64,
    ) -> Result<Outcome> {
        self.call(
            "redrive",
            Objects {
                host: Some(host),
                pipe: Some(pipe),
                cap: Some(cap),
            },
            vec![Value::U64(seq)],
        )
        .await
    }

    pub async fn purge_dead(
        &self,
        pipe: Address,
        host: Address,
        cap: Address,
        seq: u64,
    ) -> Result<Outcome> {
        self.call(
            "purge_dead",
            Objects {
                host: Some(host),
                pipe: Some(pipe),
                cap: Some(cap),
            },
            vec![Value::U64(seq)],
        )
        .await
    }
}
