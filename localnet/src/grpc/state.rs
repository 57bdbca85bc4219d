//! `StateService`: owned objects, balances, dynamic fields.

use sui_rpc::proto::sui::rpc::v2 as pb;
use sui_rpc::proto::sui::rpc::v2::state_service_server::StateService;
use sui_sdk_types::{Address, StructTag};
use tonic::{Request, Response, Status};

use super::convert::{self, mask};
use super::unimplemented;
use crate::ledger::Body;
use crate::node::Node;

pub struct State(pub Node);

const PAGE_DEFAULT: usize = 50;
const PAGE_MAX: usize = 1000;

fn page_size(n: Option<u32>) -> usize {
    match n {
        None | Some(0) => PAGE_DEFAULT,
        Some(n) => (n as usize).min(PAGE_MAX),
    }
}

/// Objects after the id in the page token.
fn after(token: Option<&[u8]>) -> Result<Option<Address>, Status> {
    token
        .map(|t| {
            Address::from_bytes(t)
                .map_err(|_| Status::invalid_argument("page_token is not one this node issued"))
        })
        .transpose()
}

/// A type filter matches exactly, or any instantiation when it names no type parameters.
fn type_matches(filter: &StructTag, t: &StructTag) -> bool {
    if filter.type_params().is_empty() {
        filter.address() == t.address()
            && filter.module() == t.module()
            && filter.name() == t.name()
    } else {
        filter == t
    }
}

#[tonic::async_trait]
impl StateService for State {
    async fn list_owned_objects(
        &self,
        req: Request<pb::ListOwnedObjectsRequest>,
    ) -> Result<Response<pb::ListOwnedObjectsResponse>, Status> {
        let r = req.into_inner();
        let owner = convert::address("owner", r.owner.as_deref())?;
        let filter = r
            .object_type
            .as_deref()
            .map(|t| {
                t.parse::<StructTag>().map_err(|e| {
                    Status::invalid_argument(format!(
                        "object_type `{t}` is not a Move struct type: {e}"
                    ))
                })
            })
            .transpose()?;
        let start = after(r.page_token.as_deref())?;
        let size = page_size(r.page_size);
        let m = mask(r.read_mask.as_ref(), "object_id,version,object_type");
        let st = self.0.read().map_err(super::failed)?;
        let ledger = st.readable();
        let mut ids: Vec<Address> = ledger
            .owned_by(&owner)
            .into_iter()
            .filter(|id| start.is_none_or(|s| *id > s))
            .filter(|id| match (&filter, ledger.get(id)) {
                (None, _) => true,
                (Some(f), Some((_, b))) => {
                    crate::ledger::Ledger::struct_type(b).is_some_and(|t| type_matches(f, &t))
                }
                _ => false,
            })
            .take(size + 1)
            .collect();
        let next = if ids.len() > size {
            ids.truncate(size);
            ids.last().map(|id| id.as_bytes().to_vec().into())
        } else {
            None
        };
        let objects = ids
            .iter()
            .filter_map(|id| convert::object(ledger, id, &m))
            .collect();
        let mut out = pb::ListOwnedObjectsResponse::default();
        out.objects = objects;
        out.next_page_token = next;
        Ok(Response::new(out))
    }

    async fn get_balance(
        &self,
        req: Request<pb::GetBalanceRequest>,
    ) -> Result<Response<pb::GetBalanceResponse>, Status> {
        let r = req.into_inner();
        let owner = convert::address("owner", r.owner.as_deref())?;
        let sui = StructTag::sui().to_string();
        let coin_type = r.coin_type.unwrap_or_else(|| sui.clone());
        let is_sui = coin_type
            .parse::<StructTag>()
            .map(|t| t == StructTag::sui())
            .map_err(|e| Status::invalid_argument(format!("coin_type `{coin_type}`: {e}")))?;
        let total = if is_sui {
            self.0
                .read()
                .map_err(super::failed)?
                .readable()
                .balance(&owner)
                .0
        } else {
            0
        };
        let mut b = pb::Balance::default();
        b.coin_type = Some(coin_type);
        b.balance = Some(total);
        b.address_balance = Some(0);
        b.coin_balance = Some(total);
        let mut out = pb::GetBalanceResponse::default();
        out.balance = Some(b);
        Ok(Response::new(out))
    }

    async fn list_dynamic_fields(
        &self,
        req: Request<pb::ListDynamicFieldsRequest>,
    ) -> Result<Response<pb::ListDynamicFieldsResponse>, Status> {
        let r = req.into_inner();
        let parent = convert::address("parent", r.parent.as_deref())?;
        let start = after(r.page_token.as_deref())?;
        let size = page_size(r.page_size);
        let m = mask(r.read_mask.as_ref(), "parent,field_id,name,value_type");
        let st = self.0.read().map_err(super::failed)?;
        let ledger = st.readable();
        let mut ids: Vec<Address> = ledger
            .table_children(&parent, start)
            .take(size + 1)
            .collect();
        let next = if ids.len() > size {
            ids.truncate(size);
            ids.last().map(|id| id.as_bytes().to_vec().into())
        } else {
            None
        };
        let fields = ids
            .iter()
            .filter_map(|id| {
                let (meta, body) = ledger.get(id)?;
                let Body::Field { seq, .. } = body else {
                    return None;
                };
                let obj = ledger.materialize(id, meta, body);
                let contents = obj.as_struct()?.contents().to_vec();
                let mut f = pb::DynamicField::default();
                f.kind = Some(pb::dynamic_field::DynamicFieldKind::Field as i32);
                f.parent = Some(parent.to_string());
                f.field_id = Some(id.to_string());
                // DynamicField has no generated mask merge: keep the object only when asked for.
                f.field_object = m.contains("field_object").then(|| pb::Object::from(obj));
                f.name = Some(pb::Bcs::from(seq.to_le_bytes().to_vec()));
                f.value = Some(pb::Bcs::from(contents[40..].to_vec()));
                f.value_type = Some(crate::objects::request_type().to_string());
                Some(f)
            })
            .collect();
        let mut out = pb::ListDynamicFieldsResponse::default();
        out.dynamic_fields = fields;
        out.next_page_token = next;
        Ok(Response::new(out))
    }

    async fn get_coin_info(
        &self,
        _: Request<pb::GetCoinInfoRequest>,
    ) -> Result<Response<pb::GetCoinInfoResponse>, Status> {
        Err(unimplemented("StateService.GetCoinInfo"))
    }

    async fn list_balances(
        &self,
        _: Request<pb::ListBalancesRequest>,
    ) -> Result<Response<pb::ListBalancesResponse>, Status> {
        Err(unimplemented("StateService.ListBalances"))
    }
}
