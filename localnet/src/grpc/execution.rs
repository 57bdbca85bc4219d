//! `TransactionExecutionService`: execute signed transactions, simulate unsigned ones (with gas
//! selection, as `TransactionBuilder::build` asks for).

use sui_rpc::proto::sui::rpc::v2 as pb;
use sui_rpc::proto::sui::rpc::v2::transaction_execution_service_server::TransactionExecutionService;
use sui_sdk_types::{Transaction, UserSignature};
use tonic::{Request, Response, Status};

use super::convert::{self, mask};
use crate::exec::{Reject, RejectKind};
use crate::genesis::{COMPUTATION_UNITS, MAX_GAS_BUDGET, REFERENCE_GAS_PRICE};
use crate::node::{Node, SubmitError};

pub struct Execution(pub Node);

pub fn reject_status(r: Reject) -> Status {
    match r.kind {
        RejectKind::Invalid => Status::invalid_argument(r.message),
        RejectKind::Unavailable => Status::failed_precondition(r.message),
        RejectKind::Unsupported => Status::unimplemented(r.message),
    }
}

fn transaction(t: Option<&pb::Transaction>) -> Result<Transaction, Status> {
    let t = t.ok_or_else(|| Status::invalid_argument("missing `transaction`"))?;
    Transaction::try_from(t).map_err(|e| {
        Status::invalid_argument(format!("transaction is not a valid Sui transaction: {e}"))
    })
}

#[tonic::async_trait]
impl TransactionExecutionService for Execution {
    async fn execute_transaction(
        &self,
        req: Request<pb::ExecuteTransactionRequest>,
    ) -> Result<Response<pb::ExecuteTransactionResponse>, Status> {
        let r = req.into_inner();
        let tx = transaction(r.transaction.as_ref())?;
        if r.signatures.is_empty() {
            return Err(Status::invalid_argument(
                "missing signatures: the transaction must be signed by its sender",
            ));
        }
        let sigs = r
            .signatures
            .iter()
            .enumerate()
            .map(|(i, s)| {
                UserSignature::try_from(s).map_err(|e| {
                    Status::invalid_argument(format!("signature {i} is malformed: {e}"))
                })
            })
            .collect::<Result<Vec<_>, _>>()?;
        let c = self.0.submit(tx, sigs).await.map_err(|e| match e {
            SubmitError::Rejected(r) => reject_status(r),
            SubmitError::Unavailable(m) => Status::unavailable(m),
        })?;
        let m = mask(r.read_mask.as_ref(), "digest,effects,events");
        let mut out = pb::ExecuteTransactionResponse::default();
        out.transaction = Some(if convert::needs_ledger(&m) {
            let st = self.0.read().map_err(super::failed)?;
            convert::executed(Some(&st.ledger), &c.executed, c.checkpoint, &m)
        } else {
            // Most answers need no lock: the execution carries what they show.
            convert::executed(None, &c.executed, c.checkpoint, &m)
        });
        Ok(Response::new(out))
    }

    async fn simulate_transaction(
        &self,
        req: Request<pb::SimulateTransactionRequest>,
    ) -> Result<Response<pb::SimulateTransactionResponse>, Status> {
        let r = req.into_inner();
        let mut t = r
            .transaction
            .clone()
            .ok_or_else(|| Status::invalid_argument("missing `transaction`"))?;
        // Object inputs given by id only, as `@mysten/sui` sends them (see `resolve`).
        super::resolve::resolve(self.0.read().map_err(super::failed)?.readable(), &mut t)?;
        if r.do_gas_selection.unwrap_or(false) && t.bcs.is_none() {
            self.select_gas(&mut t)?;
        }
        let mut tx = transaction(Some(&t))?;
        let mut executed = self
            .0
            .simulate(tx.clone())
            .map_err(super::failed)?
            .map_err(reject_status)?;
        if r.do_gas_selection.unwrap_or(false)
            && t.bcs.is_none()
            && t.gas_payment
                .as_ref()
                .and_then(|g| g.budget)
                .is_none_or(|b| b == 0 || b == MAX_GAS_BUDGET)
        {
            // Budget what the simulation used, with a 10% margin.
            let g = executed.effects.gas_summary();
            let used = g.computation_cost + g.storage_cost;
            tx.gas_payment.budget = (used + used / 10).clamp(
                COMPUTATION_UNITS * tx.gas_payment.price,
                tx.gas_payment.budget,
            );
            executed = self
                .0
                .simulate(tx)
                .map_err(super::failed)?
                .map_err(reject_status)?;
        }
        let m = mask(r.read_mask.as_ref(), "transaction.effects");
        let st = self.0.read().map_err(super::failed)?;
        let tm = m
            .subtree("transaction")
            .unwrap_or_else(sui_rpc::field::FieldMaskTree::new_wildcard);
        let mut out = pb::SimulateTransactionResponse::default();
        out.transaction = Some(convert::executed(Some(&st.ledger), &executed, None, &tm));
        Ok(Response::new(out))
    }
}

impl Execution {
    /// Fills what a partial transaction leaves out: version, expiration, price, gas coins, budget.
    fn select_gas(&self, t: &mut pb::Transaction) -> Result<(), Status> {
        if t.version.is_none() {
            t.version = Some(1);
        }
        if t.expiration.is_none() {
            let mut x = pb::TransactionExpiration::default();
            x.kind = Some(pb::transaction_expiration::TransactionExpirationKind::None as i32);
            t.expiration = Some(x);
        }
        let sender = convert::address("transaction.sender", t.sender.as_deref())?;
        let g = t.gas_payment.get_or_insert_with(Default::default);
        if g.owner.is_none() {
            g.owner = Some(sender.to_string());
        }
        if g.price.is_none() {
            g.price = Some(REFERENCE_GAS_PRICE);
        }
        if g.objects.is_empty() {
            let st = self.0.read().map_err(super::failed)?;
            let mut coins: Vec<_> = st
                .ledger
                .owned_by(&sender)
                .into_iter()
                .filter_map(|id| match st.ledger.get(&id) {
                    Some((_, crate::ledger::Body::Coin(b))) => Some((*b, id)),
                    _ => None,
                })
                .collect();
            coins.sort_by(|a, b| b.cmp(a));
            let (balance, id) = *coins.first().ok_or_else(|| {
                Status::invalid_argument(format!(
                    "{sender} owns no SUI coins to pay gas (use the faucet)"
                ))
            })?;
            let r = st.ledger.object_ref(&id).expect("coin exists");
            let mut o = pb::ObjectReference::default();
            o.object_id = Some(id.to_string());
            o.version = Some(r.version());
            o.digest = Some(r.digest().to_string());
            g.objects = vec![o];
            if g.budget.is_none() {
                g.budget = Some(balance.min(MAX_GAS_BUDGET));
            }
        }
        if g.budget.is_none() {
            g.budget = Some(MAX_GAS_BUDGET);
        }
        Ok(())
    }
}
