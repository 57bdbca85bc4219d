//! One package call as one transaction: the typed [`Call`] (from `dtp_protocol::calls`, the one
//! description of the package's functions) with the ids of the objects it takes, laid out as a
//! MoveCall, within Sui's limits, with a budget that pays what it stores.

use dtp_protocol::calls::Call;
use dtp_protocol::constants::{MAX_PURE_ARGUMENT, MAX_SENDABLE_PAYLOAD};
use dtp_protocol::schema::{Function, Param, Value};
use sui_sdk_types::{Address, Identifier};
use sui_transaction_builder::{Argument, ObjectInput, TransactionBuilder};

use crate::client::{Client, Outcome};
use crate::consistency::stale_object;
use crate::error::{Error, Result};

/// The Clock, as every Sui client references it.
pub fn clock() -> ObjectInput {
    ObjectInput::shared(Address::from_static("0x6"), 1, false)
}

/// What storing one byte costs on Sui (storage price 76 per unit, 100 units per byte), an upper
/// bound of what a call's stored bytes add to its gas.
pub const STORAGE_MIST_PER_BYTE: u64 = 7_600;

/// The ids of the objects a call uses (each needed when its function takes it).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Objects {
    /// The Host.
    pub host: Option<Address>,
    /// The Pipe.
    pub pipe: Option<Address>,
    /// The HostCap (admin calls).
    pub cap: Option<Address>,
}

impl Objects {
    /// A call on a Host alone (heartbeats, drain, resume).
    pub fn host(host: Address) -> Objects {
        Objects {
            host: Some(host),
            ..Default::default()
        }
    }

    /// An admin call on a Host.
    pub fn admin(host: Address, cap: Address) -> Objects {
        Objects {
            host: Some(host),
            cap: Some(cap),
            pipe: None,
        }
    }

    /// A call on a Pipe of a Host.
    pub fn pipe(pipe: Address, host: Address) -> Objects {
        Objects {
            host: Some(host),
            pipe: Some(pipe),
            cap: None,
        }
    }

    /// An admin call on a Pipe of a Host.
    pub fn pipe_admin(pipe: Address, host: Address, cap: Address) -> Objects {
        Objects {
            host: Some(host),
            pipe: Some(pipe),
            cap: Some(cap),
        }
    }
}

/// A call checked against Sui's per-argument limit, with what it stores.
pub(crate) struct Checked {
    pub function: &'static Function,
    pub values: Vec<Value>,
    /// Bytes the call may store (a payload, a label): paid from the budget.
    pub stored: u64,
}

/// Checks `call`'s pure arguments against Sui's 16 KiB per argument; nothing is sent otherwise.
pub(crate) fn check(call: &Call) -> Result<Checked> {
    let function = call.function();
    let values = call.values();
    for ((param, _), v) in function.pure_params().zip(&values) {
        let n = v.to_bcs().len();
        if n > MAX_PURE_ARGUMENT {
            return Err(Error::Invalid(format!(
                "{}: `{param}` is {n} bytes of BCS, over the {MAX_PURE_ARGUMENT} bytes Sui \
                 takes in one argument (a payload can be at most {MAX_SENDABLE_PAYLOAD} bytes)",
                function.name
            )));
        }
    }
    let stored = values
        .iter()
        .map(|v| match v {
            Value::Bytes(b) => b.len() as u64,
            Value::String(s) => s.len() as u64,
            _ => 0,
        })
        .sum();
    Ok(Checked {
        function,
        values,
        stored,
    })
}

/// The configured budget covers small calls; calls storing more get their storage plus half that
/// budget for the rest (a 16 KiB payload alone needs about 125,000,000 MIST at Sui's price).
pub(crate) fn budget(base: u64, stored: u64) -> u64 {
    base.max(
        stored
            .saturating_mul(STORAGE_MIST_PER_BYTE)
            .saturating_add(base / 2),
    )
}

/// Adds the MoveCall of `c` with its resolved `inputs` (one per object parameter, in order).
pub(crate) fn move_call(
    b: &mut TransactionBuilder,
    package: Address,
    c: &Checked,
    inputs: Vec<ObjectInput>,
) {
    let mut objects = inputs.into_iter();
    let mut pure = c.values.iter();
    let args: Vec<Argument> = c
        .function
        .params
        .iter()
        .map(|p| match p {
            Param::Pure(..) => b.pure_bytes(pure.next().expect("counted").to_bcs()),
            _ => b.object(objects.next().expect("resolved")),
        })
        .collect();
    let func = sui_transaction_builder::Function::new(
        package,
        Identifier::new(c.function.module).expect("module"),
        Identifier::new(c.function.name).expect("name"),
    );
    b.move_call(func, args);
}

impl Client {
    /// The inputs of `f`'s object parameters, in order: shared objects at their initial
    /// versions, the HostCap as this client last left it (else as the node reads it), the Clock.
    pub(crate) async fn resolve(&self, f: &Function, objs: Objects) -> Result<Vec<ObjectInput>> {
        let need = |o: Option<Address>, what: &str| {
            o.ok_or_else(|| Error::Invalid(format!("{} needs a {what}", f.name)))
        };
        let mut inputs = Vec::new();
        for p in f.params {
            inputs.push(match p {
                Param::Host { mutable } => self.shared(need(objs.host, "host")?, *mutable).await?,
                Param::Pipe => self.shared(need(objs.pipe, "pipe")?, true).await?,
                Param::Cap => self.owned(need(objs.cap, "HostCap")?).await?,
                Param::Clock => clock(),
                Param::Pure(..) => continue,
            });
        }
        Ok(inputs)
    }

    /// Executes one package call as one transaction.
    ///
    /// An owned input (the HostCap) read back stale is refused naming its current version: it is
    /// read again until the node shows that version, then the call is built again (nothing
    /// executed). A Move abort is [`Error::Aborted`].
    pub async fn call(&self, objs: Objects, call: impl Into<Call>) -> Result<Outcome> {
        let c = check(&call.into())?;
        let name = c.function.name;
        let budget = budget(self.config().gas_budget, c.stored);
        let package = self.package();
        let mut tries = 0;
        loop {
            let inputs = self.resolve(c.function, objs).await?;
            let result = self
                .execute_with_budget(name, budget, |b| move_call(b, package, &c, inputs))
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
}
