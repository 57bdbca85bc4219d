//! The faucet: `POST /v2/gas` with `{"FixedAmountRequest": {"recipient": "0x…"}}`, as `sui start
//! --with-faucet` serves it (and as `sui_rpc::faucet::FaucetClient` calls it). Each request is a
//! real transaction from the faucet's genesis coin, so it appears in checkpoints like any other.

use std::sync::Arc;

use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::post;
use axum::{Json, Router};
use serde_json::{json, Value};
use sui_sdk_types::{Address, IdOperation, ObjectOut, Owner, TransactionEffects};
use tokio::sync::Mutex;

use crate::genesis::{FAUCET_COINS, FAUCET_COIN_VALUE};
use crate::node::Node;
use crate::txb;

#[derive(Clone)]
struct Faucet {
    node: Node,
    /// One transfer at a time: they all spend the faucet's one gas coin.
    lock: Arc<Mutex<()>>,
}

pub fn router(node: Node) -> Router {
    Router::new()
        .route("/v2/gas", post(gas))
        .route("/gas", post(gas))
        .with_state(Faucet {
            node,
            lock: Arc::new(Mutex::new(())),
        })
}

fn failure(code: StatusCode, msg: String) -> (StatusCode, Json<Value>) {
    (
        code,
        Json(json!({ "status": { "Failure": { "Internal": msg } }, "coins_sent": null })),
    )
}

async fn gas(State(f): State<Faucet>, body: Option<Json<Value>>) -> (StatusCode, Json<Value>) {
    let recipient = body.as_ref().and_then(|Json(v)| {
        v.get("FixedAmountRequest")
            .and_then(|r| r.get("recipient"))
            .and_then(|r| r.as_str())
            .map(str::to_string)
    });
    let Some(recipient) = recipient else {
        return failure(
            StatusCode::BAD_REQUEST,
            "expected {\"FixedAmountRequest\": {\"recipient\": \"0x...\"}}".into(),
        );
    };
    let to: Address = match recipient.parse() {
        Ok(a) => a,
        Err(e) => {
            return failure(
                StatusCode::BAD_REQUEST,
                format!("recipient `{recipient}` is not a Sui address: {e}"),
            )
        }
    };
    match send(&f, to).await {
        Ok(coins) => (
            StatusCode::CREATED,
            Json(json!({ "status": "Success", "coins_sent": coins })),
        ),
        Err(e) => failure(StatusCode::SERVICE_UNAVAILABLE, e),
    }
}

/// Sends `FAUCET_COINS` coins to `to`; returns the coins as the faucet API lists them.
async fn send(f_node: &Faucet, to: Address) -> Result<Vec<Value>, String> {
    let _g = f_node.lock.lock().await;
    let (tx, sigs) = txb::from_faucet(
        &f_node.node.read().map_err(|e| e.to_string())?.ledger,
        to,
        FAUCET_COINS,
        FAUCET_COIN_VALUE,
    )
    .ok_or("the faucet coin is gone")?;
    let e = f_node
        .node
        .submit(tx, sigs)
        .await
        .map_err(|e| e.to_string())?;
    let TransactionEffects::V2(fx) = &e.executed.effects else {
        return Err("unexpected effects version".into());
    };
    let coins = fx
        .changed_objects
        .iter()
        .filter(|c| c.id_operation == IdOperation::Created && matches!(c.output_state, ObjectOut::ObjectWrite { owner: Owner::Address(a), .. } if a == to))
        .map(|c| json!({ "amount": FAUCET_COIN_VALUE, "id": c.object_id.to_string(), "transferTxDigest": e.executed.digest.to_string() }))
        .collect();
    Ok(coins)
}
