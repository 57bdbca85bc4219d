/// The pure selection function ("Selection" in docs/protocol.md) and the policy numbers.
///
/// Selection is deterministic from on-chain state so that the Rust twin, `replay` and any reader
/// can recompute every assignment bit for bit. It never touches objects: the Pipe passes in what it
/// knows (its id, `rr` and `inflight`) and advances `rr` itself. `ENoHealthyEndpoint` of `send`,
/// `release` and `redrive` is raised here, from `dtp::selection`.
module dtp::selection;

use dtp::config::HostConfig;
use dtp::endpoint::{Self, Endpoint};
use std::string::String;
use sui::bcs;
use sui::hash::blake2b256;
use sui::vec_map::VecMap;

// === Errors ===

#[error(code = 6)]
const ENoHealthyEndpoint: vector<u8> = b"no selectable endpoint";
#[error(code = 12)]
const EInvalidPolicy: vector<u8> = b"policy number out of range";

// === Policies ===

/// `C[rr % n]`.
const ROUND_ROBIN: u8 = 0;
/// Proportional to weight, interleaved by a prime stride.
const WEIGHTED: u8 = 1;
/// Smallest `inflight / weight`, ties by round robin.
const LEAST_INFLIGHT: u8 = 2;
/// Rendezvous hashing of the request key with each server address.
const AFFINITY: u8 = 3;
/// Reproducible pseudo-random from (pipe id, seq, attempt).
const RANDOM: u8 = 4;
/// Round robin inside the request's region, else over everyone.
const REGION: u8 = 5;

/// 2^64 / golden ratio. The WEIGHTED stride is the first number at or above `total * GOLDEN / 2^64`
/// that is coprime with `total`: coprime, so `total` consecutive values of `rr` visit every point
/// once; near `total / phi`, so the endpoints' turns are spread out rather than bunched.
const GOLDEN: u64 = 11_400_714_819_323_198_485;

/// Whether `policy` names one of the six policies.
public fun is_valid_policy(policy: u8): bool { policy <= REGION }

/// Pending requests assigned to `server` (0 when absent).
public fun inflight_of(inflight: &VecMap<address, u32>, server: address): u32 {
    let server = &server;
    if (inflight.contains(server)) *inflight.get(server) else 0
}

/// `selectable(e, pipe)`: healthy and under its `max_inflight` (0 = unbounded).
public fun is_selectable(
    e: &Endpoint,
    cfg: &HostConfig,
    inflight: &VecMap<address, u32>,
    now: u64,
): bool {
    e.is_healthy(cfg, now)
        && (e.max_inflight() == 0 || inflight_of(inflight, e.server()) < e.max_inflight())
}

/// Step 1: the candidate indices in endpoint order, and whether they are the STANDBY fallback.
/// Empty when nobody is selectable.
public fun candidates(
    endpoints: &vector<Endpoint>,
    cfg: &HostConfig,
    inflight: &VecMap<address, u32>,
    now: u64,
    exclude: Option<address>,
): (vector<u64>, bool) {
    let active = with_role(endpoints, cfg, inflight, now, &exclude, endpoint::active());
    if (!active.is_empty()) return (active, false);
    (with_role(endpoints, cfg, inflight, now, &exclude, endpoint::standby()), true)
}

fun with_role(
    endpoints: &vector<Endpoint>,
    cfg: &HostConfig,
    inflight: &VecMap<address, u32>,
    now: u64,
    exclude: &Option<address>,
    role: u8,
): vector<u64> {
    let mut out = vector[];
    endpoints.length().do!(|i| {
        let e = &endpoints[i];
        if (
            e.role() == role
                && !exclude.contains(&e.server())
                && is_selectable(e, cfg, inflight, now)
        ) out.push_back(i);
    });
    out
}

/// Step 2: the chosen index into `endpoints`, given the non-empty candidate list `cands` and
/// `rr` (the Pipe's counter before this selection).
fun choose(
    endpoints: &vector<Endpoint>,
    cands: &vector<u64>,
    inflight: &VecMap<address, u32>,
    policy: u8,
    rr: u64,
    key: &vector<u8>,
    region: &String,
    pipe_id: ID,
    seq: u64,
    attempt: u32,
): u64 {
    let n = cands.length();
    if (policy == ROUND_ROBIN) {
        cands[rr % n]
    } else if (policy == WEIGHTED) {
        choose_weighted(endpoints, cands, rr)
    } else if (policy == LEAST_INFLIGHT) {
        choose_least_inflight(endpoints, cands, inflight, rr)
    } else if (policy == AFFINITY) {
        if (key.is_empty()) cands[rr % n] else choose_affinity(endpoints, cands, key)
    } else if (policy == RANDOM) {
        let mut data = bcs::to_bytes(&pipe_id);
        data.append(bcs::to_bytes(&seq));
        data.append(bcs::to_bytes(&attempt));
        cands[be_u64(&blake2b256(&data)) % n]
    } else {
        // REGION
        let mut same = vector[];
        if (!region.is_empty()) {
            cands.do_ref!(|i| if (endpoints[*i].region() == *region) same.push_back(*i));
        };
        if (same.is_empty()) cands[rr % n] else same[rr % same.length()]
    }
}

/// `select` of docs/protocol.md: `(index into endpoints, standby)`. `rr` is the Pipe's counter
/// before this selection, `seq` / `attempt` those the request will hold once assigned; the caller
/// then sets `rr = rr + 1`. Aborts `EInvalidPolicy` on an unknown policy and `ENoHealthyEndpoint`
/// when nobody is selectable.
public fun select(
    endpoints: &vector<Endpoint>,
    cfg: &HostConfig,
    pipe_id: ID,
    rr: u64,
    inflight: &VecMap<address, u32>,
    policy: u8,
    now: u64,
    key: &vector<u8>,
    region: &String,
    seq: u64,
    attempt: u32,
    exclude: Option<address>,
): (u64, bool) {
    assert!(is_valid_policy(policy), EInvalidPolicy);
    let (cands, standby) = candidates(endpoints, cfg, inflight, now, exclude);
    assert!(!cands.is_empty(), ENoHealthyEndpoint);
    let index = choose(endpoints, &cands, inflight, policy, rr, key, region, pipe_id, seq, attempt);
    (index, standby)
}

/// `point = ((rr % total) * stride) % total`, then the first candidate whose running weight sum
/// exceeds `point`. `total < 2^26`, so the product fits in u64.
fun choose_weighted(endpoints: &vector<Endpoint>, cands: &vector<u64>, rr: u64): u64 {
    let mut total = 0u64;
    cands.do_ref!(|i| total = total + (endpoints[*i].weight() as u64));
    let point = (rr % total) * weighted_stride(total) % total;
    let mut acc = 0u64;
    let mut k = 0;
    loop {
        let i = cands[k];
        acc = acc + (endpoints[i].weight() as u64);
        if (point < acc) return i;
        k = k + 1;
    }
}

/// The WEIGHTED stride for a total weight `total` (>= 1): the smallest
/// `k >= max(1, (total * GOLDEN) >> 64)` with `gcd(k, total) == 1`.
public fun weighted_stride(total: u64): u64 {
    let mut k = (((total as u128) * (GOLDEN as u128)) >> 64) as u64;
    if (k == 0) k = 1;
    while (gcd(k, total) != 1) k = k + 1;
    k
}

fun gcd(mut a: u64, mut b: u64): u64 {
    while (b != 0) {
        let r = a % b;
        a = b;
        b = r;
    };
    a
}

/// Minimal `inflight / weight`, compared exactly by cross-multiplying (u32 * u32 fits in u64);
/// the ties, in candidate order, are served round robin.
fun choose_least_inflight(
    endpoints: &vector<Endpoint>,
    cands: &vector<u64>,
    inflight: &VecMap<address, u32>,
    rr: u64,
): u64 {
    // (inflight, weight) of the best candidate so far.
    let mut best_load = 0u64;
    let mut best_weight = 0u64;
    let mut ties = vector[];
    cands.do_ref!(|i| {
        let e = &endpoints[*i];
        let load = inflight_of(inflight, e.server()) as u64;
        let weight = e.weight() as u64;
        if (ties.is_empty() || load * best_weight < best_load * weight) {
            best_load = load;
            best_weight = weight;
            ties = vector[*i];
        } else if (load * best_weight == best_load * weight) {
            ties.push_back(*i);
        }
    });
    ties[rr % ties.length()]
}

/// Rendezvous hashing: the highest `be_u64(blake2b256(key ++ bcs(server)))` wins, the earlier
/// candidate on a tie.
fun choose_affinity(endpoints: &vector<Endpoint>, cands: &vector<u64>, key: &vector<u8>): u64 {
    let mut best = cands[0];
    let mut best_score = 0u64;
    cands.length().do!(|k| {
        let i = cands[k];
        let mut data = *key;
        data.append(bcs::to_bytes(&endpoints[i].server()));
        let score = be_u64(&blake2b256(&data));
        if (k == 0 || score > best_score) {
            best = i;
            best_score = score;
        }
    });
    best
}

/// The first 8 bytes of `bytes`, big-endian.
public fun be_u64(bytes: &vector<u8>): u64 {
    let mut r = 0u64;
    8u64.do!(|i| r = (r << 8) | (bytes[i] as u64));
    r
}

// === Constant getters ===

public fun round_robin(): u8 { ROUND_ROBIN }

public fun weighted(): u8 { WEIGHTED }

public fun least_inflight(): u8 { LEAST_INFLIGHT }

public fun affinity(): u8 { AFFINITY }

public fun random(): u8 { RANDOM }

public fun region(): u8 { REGION }

public fun golden(): u64 { GOLDEN }
