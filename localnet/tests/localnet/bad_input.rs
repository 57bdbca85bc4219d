//! Bad input through gRPC, using only Sui client crates: every refused transaction gets a status
//! code and a message that names the problem, and changes nothing (the sender's gas coin, the
//! objects involved, the Clock and the checkpoint height are as before). See also
//! `bad_input_calls.rs` (replays, unserved calls, bad ids, the faucet).

use crate::common::*;
use sui_crypto::SuiSigner;
use sui_rpc::proto::sui::rpc::v2 as pb;
use sui_sdk_types::{Address, Transaction};
use sui_transaction_builder::{ObjectInput, TransactionBuilder};
use tonic::Code;

/// A transaction and its signatures, as ExecuteTransaction takes them.
type Submission = (pb::Transaction, Vec<pb::UserSignature>);

/// Submits, expects `code` with `needle` in the message, and checks that nothing changed.
async fn refused(
    net: &mut Net,
    who: &Actor,
    watch: &[Address],
    (tx, sigs): Submission,
    (code, needle): (Code, &str),
) {
    let mut ids = vec![*who.gas.object_id(), CLOCK];
    ids.extend_from_slice(watch);
    let before = net.snapshot(&ids).await;
    assert_eq!(
        (before[0].version(), before[0].digest()),
        (who.gas.version(), who.gas.digest().to_string().as_str()),
        "the sender's gas reference is current"
    );
    let height = net.latest_checkpoint().await;
    let err = net
        .try_execute(tx, sigs)
        .await
        .expect_err(&format!("`{needle}` is refused"));
    assert_eq!(err.code(), code, "{needle}: {}", err.message());
    assert!(
        err.message().contains(needle),
        "expected `{needle}` in `{}`",
        err.message()
    );
    assert_eq!(
        net.snapshot(&ids).await,
        before,
        "{needle}: nothing changed"
    );
    assert_eq!(
        net.latest_checkpoint().await,
        height,
        "{needle}: nothing ran"
    );
}

/// Builds and signs with `a`'s key; returns the proto transaction and its signature.
fn signed(a: &Actor, b: TransactionBuilder) -> Submission {
    let (tx, sig) = sign(a, b);
    (pb::Transaction::from(tx), vec![sig])
}

fn send_with(
    net: &Net,
    a: &Actor,
    d: &Dtp,
    f: impl FnOnce(&mut Vec<sui_transaction_builder::Argument>),
) -> TransactionBuilder {
    let mut b = net.builder(a);
    let mut args = send_args(&mut b, d, b"x");
    f(&mut args);
    b.move_call(function("pipe", "send"), args);
    b
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn malformed_or_badly_signed_transactions_are_refused_and_change_nothing() {
    let World {
        mut net,
        user,
        other,
        d,
        ..
    } = world().await;
    let watch = [d.pipe, d.host];
    let tx: Transaction = sign(&user, send_with(&net, &user, &d, |_| {})).0;
    let good_sig: pb::UserSignature = user.key.sign_transaction(&tx).unwrap().into();

    let garbage = pb::Transaction::default().with_bcs(pb::Bcs::from(vec![0xde, 0xad, 0xbe, 0xef]));
    let (c, n) = (Code::InvalidArgument, "not a valid Sui transaction");
    let s = (garbage, vec![good_sig.clone()]);
    refused(&mut net, &user, &watch, s, (c, n)).await;

    let by_other: pb::UserSignature = other.key.sign_transaction(&tx).unwrap().into();
    let n = "the signature is by";
    let s = (tx.clone().into(), vec![by_other]);
    refused(&mut net, &user, &watch, s, (c, n)).await;

    let mut b = send_with(&net, &user, &d, |_| {});
    b.set_gas_budget(99_999_999);
    let other_tx = sign(&user, b).0;
    assert_ne!(other_tx.digest(), tx.digest());
    let wrong_bytes: pb::UserSignature = user.key.sign_transaction(&other_tx).unwrap().into();
    let n = "bad signature";
    let s = (tx.clone().into(), vec![wrong_bytes]);
    refused(&mut net, &user, &watch, s, (c, n)).await;

    let n = "missing signatures";
    refused(&mut net, &user, &watch, (tx.clone().into(), vec![]), (c, n)).await;

    let malformed = pb::UserSignature::default().with_bcs(pb::Bcs::from(vec![0u8, 1, 2, 3]));
    let n = "signature 0 is malformed";
    let s = (tx.clone().into(), vec![malformed]);
    refused(&mut net, &user, &watch, s, (c, n)).await;

    let two = vec![good_sig.clone(), good_sig.clone()];
    let n = "expected exactly 1 signature";
    refused(&mut net, &user, &watch, (tx.clone().into(), two), (c, n)).await;

    // The well-formed original still runs afterwards: the refusals left its inputs current.
    let t = net.try_execute(tx.into(), vec![good_sig]).await.unwrap();
    assert!(success(&t), "{:?}", t.effects().status());
    net.running.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn invalid_inputs_and_calls_are_refused_and_change_nothing() {
    let World {
        mut net,
        mut admin,
        server,
        mut user,
        other,
        d,
    } = world().await;
    let inv = Code::InvalidArgument;
    let watch = [d.pipe, d.host, d.cap, *other.gas.object_id()];

    // Another actor's HostCap as an input.
    let cap = net.owned(d.cap).await;
    let h = net.shared(d.host, true).await;
    let mut b = net.builder(&user);
    let args = vec![
        b.object(h),
        b.object(cap),
        b.pure(&user.addr),
        b.pure(&"me".to_string()),
        b.pure(&String::new()),
        b.pure(&1u32),
        b.pure(&0u32),
        b.pure(&0u8),
    ];
    b.move_call(function("host", "add_endpoint"), args);
    let s = signed(&user, b);
    let n = format!("the sender does not own object {}", d.cap);
    refused(&mut net, &user, &watch, s, (inv, &n)).await;

    // Another actor's coin as gas, and as an input.
    let mut b = net.builder(&user);
    b.add_gas_objects([ObjectInput::owned(
        *other.gas.object_id(),
        other.gas.version(),
        *other.gas.digest(),
    )]);
    let args = send_args(&mut b, &d, b"x");
    b.move_call(function("pipe", "send"), args);
    let s = signed(&user, b);
    let n = format!(
        "gas coin {} is not owned by the sender",
        other.gas.object_id()
    );
    refused(&mut net, &user, &watch, s, (inv, &n)).await;
    let mut b = net.builder(&user);
    let theirs = b.object(ObjectInput::owned(
        *other.gas.object_id(),
        other.gas.version(),
        *other.gas.digest(),
    ));
    let g = b.gas();
    b.merge_coins(g, vec![theirs]);
    let s = signed(&user, b);
    let n = format!("the sender does not own object {}", other.gas.object_id());
    refused(&mut net, &user, &watch, s, (inv, &n)).await;

    // Unknown package, module, function.
    for (pkg, module, func, n) in [
        (
            Address::from_static("0xbad"),
            "pipe",
            "send",
            "is not the dtp package",
        ),
        (
            PACKAGE,
            "nosuch",
            "send",
            "dtp has no entry function nosuch::send",
        ),
        (
            PACKAGE,
            "pipe",
            "nosuch",
            "dtp has no entry function pipe::nosuch",
        ),
    ] {
        let mut b = net.builder(&user);
        let args = send_args(&mut b, &d, b"x");
        let f = sui_transaction_builder::Function::new(
            pkg,
            module.parse().unwrap(),
            func.parse().unwrap(),
        );
        b.move_call(f, args);
        let s = signed(&user, b);
        refused(&mut net, &user, &watch, s, (inv, n)).await;
    }

    // Wrong argument counts and types.
    type Edit = Box<dyn FnOnce(&mut Vec<sui_transaction_builder::Argument>)>;
    let cases: [(&str, Edit); 3] = [
        (
            "pipe::send takes 6 arguments, got 5",
            Box::new(|a| {
                a.pop();
            }),
        ),
        (
            "pipe::send argument 0 must be a dtp::pipe::Pipe",
            Box::new(|a| a.swap(0, 1)),
        ),
        (
            "pipe::send argument 2 must be vector<u8>",
            Box::new(|a| a.swap(2, 5)),
        ),
    ];
    for (n, f) in cases {
        let s = signed(&user, send_with(&net, &user, &d, f));
        refused(&mut net, &user, &watch, s, (inv, n)).await;
    }
    let mut b = net.builder(&user);
    let args = vec![
        b.pure(&"h".to_string()),
        b.pure(&true),
        b.pure(&1u32),
        b.pure(&1_000u64),
        b.pure(&3u32),
        b.pure(&1024u64),
        b.pure(&100u64),
    ];
    b.move_call(function("host", "create_host"), args);
    let s = signed(&user, b);
    let n = "`heartbeat_timeout_ms` must be a BCS u64";
    refused(&mut net, &user, &watch, s, (inv, n)).await;

    // An immutable shared Host where `&mut Host` is needed.
    let mut b = net.builder(&server);
    let args = vec![
        b.object(ObjectInput::shared(d.host, d.host_version, false)),
        b.pure(&true),
        b.pure(&0u32),
        b.object(clock()),
    ];
    b.move_call(function("host", "heartbeat"), args);
    let s = signed(&server, b);
    let n = "host::heartbeat argument 0: the Host must be a mutable shared input";
    refused(&mut net, &server, &watch, s, (inv, n)).await;

    // Stale versions of the gas coin and of an owned input.
    let old_gas = user.gas.clone();
    net.send(&mut user, &d, b"bump").await;
    let stale = Actor {
        key: user.key.clone(),
        addr: user.addr,
        gas: old_gas.clone(),
    };
    let s = signed(&user, send_with(&net, &stale, &d, |_| {}));
    let n = format!(
        "Object ID {} Version {:#x} Digest {} is not available for consumption, current version: {:#x}",
        old_gas.object_id(),
        old_gas.version(),
        old_gas.digest(),
        net.object_ref(*old_gas.object_id()).await.version(),
    );
    refused(&mut net, &user, &watch, s, (Code::FailedPrecondition, &n)).await;
    let old_cap = net.owned(d.cap).await;
    let (h, c) = (net.shared(d.host, true).await, net.owned(d.cap).await);
    let t = net
        .call(&mut admin, "host", "set_state", |b| {
            vec![
                b.object(h),
                b.object(c),
                b.pure(&server.addr),
                b.pure(&0u8),
                b.object(clock()),
            ]
        })
        .await;
    assert!(success(&t));
    let mut b = net.builder(&admin);
    let args = vec![
        b.object(ObjectInput::shared(d.host, d.host_version, true)),
        b.object(old_cap),
        b.pure(&server.addr),
        b.pure(&0u8),
        b.object(clock()),
    ];
    b.move_call(function("host", "set_state"), args);
    let s = signed(&admin, b);
    let n = format!("Object ID {} Version", d.cap);
    refused(&mut net, &admin, &watch, s, (Code::FailedPrecondition, &n)).await;

    // Over 128 KiB.
    let mut b = send_with(&net, &user, &d, |_| {});
    for i in 0..9u8 {
        b.pure_bytes_unique(vec![i; 15_000]);
    }
    let s = signed(&user, b);
    let n = "is over the 131072 byte limit";
    refused(&mut net, &user, &watch, s, (inv, n)).await;

    // Gas budget and price.
    let mut b = send_with(&net, &user, &d, |_| {});
    b.set_gas_budget(1_000);
    let s = signed(&user, b);
    let n = "gas budget 1000 must be between";
    refused(&mut net, &user, &watch, s, (inv, n)).await;
    let mut b = send_with(&net, &user, &d, |_| {});
    b.set_gas_price(net.rgp - 1);
    let s = signed(&user, b);
    let n = format!(
        "gas price {} is below the reference gas price {}",
        net.rgp - 1,
        net.rgp
    );
    refused(&mut net, &user, &watch, s, (inv, &n)).await;

    // And a good transaction still runs.
    let t = net.send(&mut user, &d, b"ok").await;
    assert!(success(&t));
    net.running.stop().await;
}
