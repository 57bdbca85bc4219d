//! `LedgerService`: service info, objects, transactions, checkpoints, epoch.

use sui_rpc::proto::google::rpc::Status as RpcStatus;
use sui_rpc::proto::sui::rpc::v2 as pb;
use sui_rpc::proto::sui::rpc::v2::ledger_service_server::LedgerService;
use tonic::{Request, Response, Status};

use super::convert::{self, mask};
use super::unimplemented;
use crate::genesis::{CHAIN_NAME, REFERENCE_GAS_PRICE, SERVER_NAME};
use crate::node::Node;

pub struct Ledger(pub Node);

const OBJECT_MASK: &str = "object_id,version,digest";

#[tonic::async_trait]
impl LedgerService for Ledger {
    async fn get_service_info(
        &self,
        _: Request<pb::GetServiceInfoRequest>,
    ) -> Result<Response<pb::GetServiceInfoResponse>, Status> {
        let st = self.0.read().map_err(super::failed)?;
        let latest = st.latest_readable().expect("checkpoint 0 exists");
        let mut out = pb::GetServiceInfoResponse::default();
        out.chain_id = st.chain.chain_id().map(|d| d.to_string());
        out.chain = Some(CHAIN_NAME.into());
        out.epoch = Some(0);
        out.checkpoint_height = Some(latest.summary.sequence_number);
        out.timestamp = Some(convert::timestamp(latest.summary.timestamp_ms));
        out.lowest_available_checkpoint = Some(st.chain.lowest());
        out.lowest_available_checkpoint_objects = Some(0);
        out.server = Some(format!("{SERVER_NAME}/{}", env!("CARGO_PKG_VERSION")));
        Ok(Response::new(out))
    }

    async fn get_object(
        &self,
        req: Request<pb::GetObjectRequest>,
    ) -> Result<Response<pb::GetObjectResponse>, Status> {
        let r = req.into_inner();
        let id = convert::address("object_id", r.object_id.as_deref())?;
        let st = self.0.read().map_err(super::failed)?;
        let m = mask(r.read_mask.as_ref(), OBJECT_MASK);
        let o = convert::object(st.readable(), &id, &m)
            .ok_or_else(|| Status::not_found(format!("object {id} not found")))?;
        if let Some(v) = r.version {
            if o.version != Some(v) && st.readable().object(&id).map(|x| x.version()) != Some(v) {
                return Err(Status::not_found(format!("object {id} at version {v} not found (the localnet keeps only the latest version)")));
            }
        }
        let mut out = pb::GetObjectResponse::default();
        out.object = Some(o);
        Ok(Response::new(out))
    }

    async fn batch_get_objects(
        &self,
        req: Request<pb::BatchGetObjectsRequest>,
    ) -> Result<Response<pb::BatchGetObjectsResponse>, Status> {
        let r = req.into_inner();
        if r.requests.len() > 1000 {
            return Err(Status::invalid_argument(
                "at most 1000 objects per BatchGetObjects",
            ));
        }
        let st = self.0.read().map_err(super::failed)?;
        let m = mask(r.read_mask.as_ref(), OBJECT_MASK);
        let objects = r
            .requests
            .iter()
            .map(|q| {
                let result = match convert::address("object_id", q.object_id.as_deref()) {
                    Err(e) => pb::get_object_result::Result::Error(rpc_status(
                        e.code(),
                        e.message().into(),
                    )),
                    Ok(id) => match convert::object(st.readable(), &id, &m) {
                        Some(o) => pb::get_object_result::Result::Object(o),
                        None => pb::get_object_result::Result::Error(rpc_status(
                            tonic::Code::NotFound,
                            format!("object {id} not found"),
                        )),
                    },
                };
                let mut out = pb::GetObjectResult::default();
                out.result = Some(result);
                out
            })
            .collect();
        let mut out = pb::BatchGetObjectsResponse::default();
        out.objects = objects;
        Ok(Response::new(out))
    }

    async fn get_transaction(
        &self,
        req: Request<pb::GetTransactionRequest>,
    ) -> Result<Response<pb::GetTransactionResponse>, Status> {
        let r = req.into_inner();
        let d = convert::digest("digest", r.digest.as_deref())?;
        let st = self.0.read().map_err(super::failed)?;
        // As on Sui, a transaction is readable once its checkpoint is (formed and) readable.
        let t = st
            .chain
            .txs
            .get(&d)
            .filter(|t| st.is_readable(t))
            .ok_or_else(|| Status::not_found(format!("transaction {d} not found")))?;
        let m = mask(r.read_mask.as_ref(), "digest");
        let mut out = pb::GetTransactionResponse::default();
        out.transaction = Some(convert::executed(
            Some(st.readable()),
            &t.executed,
            t.checkpoint,
            &m,
        ));
        Ok(Response::new(out))
    }

    async fn get_checkpoint(
        &self,
        req: Request<pb::GetCheckpointRequest>,
    ) -> Result<Response<pb::GetCheckpointResponse>, Status> {
        let r = req.into_inner();
        let st = self.0.read().map_err(super::failed)?;
        let cp = match r.checkpoint_id {
            None => st.latest_readable().cloned(),
            Some(pb::get_checkpoint_request::CheckpointId::SequenceNumber(n)) => {
                if n < st.chain.lowest() {
                    return Err(Status::not_found(format!(
                        "checkpoint {n} is pruned: the lowest available checkpoint is {}",
                        st.chain.lowest()
                    )));
                }
                st.chain.checkpoint(n).cloned()
            }
            Some(pb::get_checkpoint_request::CheckpointId::Digest(d)) => {
                let d = convert::digest("digest", Some(&d))?;
                st.chain.checkpoint_by_digest(&d).cloned()
            }
            Some(_) => return Err(Status::invalid_argument("unknown checkpoint_id kind")),
        };
        // A checkpoint formed but not yet readable is not found, as on a fullnode that has not
        // executed it yet.
        let readable = st.readable_checkpoint();
        let cp = cp
            .filter(|c| c.summary.sequence_number <= readable)
            .ok_or_else(|| Status::not_found("checkpoint not found (not yet formed?)"))?;
        let m = mask(r.read_mask.as_ref(), "sequence_number,digest");
        let mut out = pb::GetCheckpointResponse::default();
        out.checkpoint = Some(convert::checkpoint(Some(st.readable()), &cp, &m));
        Ok(Response::new(out))
    }

    async fn get_epoch(
        &self,
        req: Request<pb::GetEpochRequest>,
    ) -> Result<Response<pb::GetEpochResponse>, Status> {
        let r = req.into_inner();
        if r.epoch.is_some_and(|e| e != 0) {
            return Err(Status::not_found("the localnet only has epoch 0"));
        }
        let st = self.0.read().map_err(super::failed)?;
        let mut epoch = pb::Epoch::default();
        epoch.epoch = Some(0);
        epoch.first_checkpoint = Some(0);
        epoch.start = st.chain.started_ms().map(convert::timestamp);
        epoch.reference_gas_price = Some(REFERENCE_GAS_PRICE);
        let mut out = pb::GetEpochResponse::default();
        out.epoch = Some(epoch);
        Ok(Response::new(out))
    }

    async fn batch_get_transactions(
        &self,
        _: Request<pb::BatchGetTransactionsRequest>,
    ) -> Result<Response<pb::BatchGetTransactionsResponse>, Status> {
        Err(unimplemented("LedgerService.BatchGetTransactions"))
    }

    async fn list_checkpoints(
        &self,
        _: Request<pb::ListCheckpointsRequest>,
    ) -> Result<Response<super::BoxStream<pb::ListCheckpointsResponse>>, Status> {
        Err(unimplemented("LedgerService.ListCheckpoints"))
    }

    async fn list_transactions(
        &self,
        _: Request<pb::ListTransactionsRequest>,
    ) -> Result<Response<super::BoxStream<pb::ListTransactionsResponse>>, Status> {
        Err(unimplemented("LedgerService.ListTransactions"))
    }

    async fn list_events(
        &self,
        _: Request<pb::ListEventsRequest>,
    ) -> Result<Response<super::BoxStream<pb::ListEventsResponse>>, Status> {
        Err(unimplemented("LedgerService.ListEvents"))
    }
}

fn rpc_status(code: tonic::Code, message: String) -> RpcStatus {
    RpcStatus {
        code: code as i32,
        message,
        ..Default::default()
    }
}
