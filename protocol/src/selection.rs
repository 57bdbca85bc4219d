//! The selection function: which endpoint serves a request. Pure and deterministic, so `replay` can
//! recompute every decision. Bit-identical to `move/sources/selection.move`; see docs/protocol.md.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use blake2::digest::consts::U32;
use blake2::{Blake2b, Digest};

use crate::config::HostConfig;
use crate::constants::{Policy, GOLDEN, ROLE_ACTIVE, ROLE_STANDBY};
use crate::endpoint::Endpoint;
use crate::error::MoveAbort;
use crate::move_types::{Address, ObjectId, VecMap};

/// Everything selection reads. `rr` is the Pipe's round-robin counter before this selection.
#[derive(Debug, Clone, Copy)]
pub struct SelectInput<'a> {
    /// The Host's endpoints.
    pub endpoints: &'a [Endpoint],
    /// The Host's configuration (health thresholds).
    pub config: &'a HostConfig,
    /// Pending requests per server in the Pipe.
    pub inflight: &'a VecMap<Address, u32>,
    /// The Pipe's policy.
    pub policy: Policy,
    /// The chain's clock (ms).
    pub now: u64,
    /// The round-robin counter.
    pub rr: u64,
    /// The request's affinity key (may be empty).
    pub key: &'a [u8],
    /// The request's preferred region (may be empty).
    pub region: &'a str,
    /// The Pipe (with `seq` and `attempt`, the seed of RANDOM).
    pub pipe: ObjectId,
    /// The request's sequence number.
    pub seq: u64,
    /// The attempt being assigned.
    pub attempt: u32,
    /// A server not to choose (the one giving the request up).
    pub exclude: Option<Address>,
}

/// The chosen endpoint (an index into `endpoints`) and whether it came from the standby tier.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Selection {
    /// The index of the chosen endpoint in `endpoints`.
    pub index: usize,
    /// True if it came from the standby tier.
    pub standby: bool,
}

/// Pending requests a server holds in a Pipe.
pub fn inflight_of(inflight: &VecMap<Address, u32>, server: &Address) -> u32 {
    inflight.get(server).copied().unwrap_or(0)
}

/// `selectable(e)`: healthy and under its in-flight cap (`load` = its pending requests).
pub fn selectable(e: &Endpoint, cfg: &HostConfig, load: u32, now: u64) -> bool {
    e.is_healthy(cfg, now) && (e.max_inflight == 0 || load < e.max_inflight)
}

/// The in-flight count of every endpoint, by index, when selection needs them (a capped endpoint,
/// or `least_inflight`); empty otherwise. The Move code looks each one up in the `VecMap`
/// (linear); the twin reads the map once, so a selection is O(n) instead of O(n^2), with the same
/// results.
fn loads(input: &SelectInput) -> Vec<u32> {
    let needed = input.policy == Policy::LeastInflight
        || input.endpoints.iter().any(|e| e.max_inflight != 0);
    let held = &input.inflight.contents;
    if !needed {
        return Vec::new();
    }
    if held.is_empty() {
        return vec![0; input.endpoints.len()];
    }
    if held.len() * input.endpoints.len() <= 256 {
        // Small: scanning beats building a map.
        return input
            .endpoints
            .iter()
            .map(|e| inflight_of(input.inflight, &e.server))
            .collect();
    }
    let mut by: HashMap<&Address, u32, BuildHasherDefault<AddressHasher>> =
        HashMap::with_capacity_and_hasher(held.len(), Default::default());
    by.extend(held.iter().map(|e| (&e.key, e.value)));
    input
        .endpoints
        .iter()
        .map(|e| by.get(&e.server).copied().unwrap_or(0))
        .collect()
}

/// Addresses are hashes already: their first eight bytes are a good hash (no SipHash needed).
#[derive(Default)]
struct AddressHasher(u64);

impl Hasher for AddressHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for (i, b) in bytes.iter().take(8).enumerate() {
            self.0 ^= (*b as u64) << (8 * i);
        }
    }
}

/// An endpoint's in-flight count from [`loads`] (only read for a capped endpoint).
fn load_of(loads: &[u32], i: usize, e: &Endpoint) -> u32 {
    if e.max_inflight == 0 {
        0
    } else {
        loads[i]
    }
}

/// The candidate tier: selectable ACTIVE endpoints, else selectable STANDBY ones.
fn candidates(input: &SelectInput, loads: &[u32]) -> (Vec<usize>, bool) {
    let tier = |role: u8| -> Vec<usize> {
        input
            .endpoints
            .iter()
            .enumerate()
            .filter(|(i, e)| {
                e.role == role
                    && Some(e.server) != input.exclude
                    && selectable(e, input.config, load_of(loads, *i, e), input.now)
            })
            .map(|(i, _)| i)
            .collect()
    };
    let active = tier(ROLE_ACTIVE);
    if active.is_empty() {
        (tier(ROLE_STANDBY), true)
    } else {
        (active, false)
    }
}

/// Selects the endpoint for one request; `ENoHealthyEndpoint` when there is none.
pub fn select(input: &SelectInput) -> Result<Selection, MoveAbort> {
    let loads = loads(input);
    let (c, standby) = candidates(input, &loads);
    if c.is_empty() {
        return Err(MoveAbort::NoHealthyEndpoint);
    }
    let index = match input.policy {
        Policy::RoundRobin => pick_rr(&c, input.rr),
        Policy::Weighted => weighted(input, &c),
        Policy::LeastInflight => least_inflight(input, &loads, &c),
        Policy::Affinity if input.key.is_empty() => pick_rr(&c, input.rr),
        Policy::Affinity => affinity(input, &c),
        Policy::Random => {
            c[(random_word(&input.pipe, input.seq, input.attempt) % c.len() as u64) as usize]
        }
        Policy::Region => region(input, &c),
    };
    Ok(Selection { index, standby })
}

fn pick_rr(c: &[usize], rr: u64) -> usize {
    c[(rr % c.len() as u64) as usize]
}

fn weighted(input: &SelectInput, c: &[usize]) -> usize {
    let weight = |i: usize| input.endpoints[i].weight as u64;
    let total: u64 = c.iter().map(|&i| weight(i)).sum();
    let point = ((input.rr % total) * weighted_stride(total)) % total;
    let mut acc = 0u64;
    for &i in c {
        acc += weight(i);
        if point < acc {
            return i;
        }
    }
    unreachable!("point < total")
}

/// The smallest `k >= max(1, total * GOLDEN / 2^64)` coprime with `total`.
pub fn weighted_stride(total: u64) -> u64 {
    let mut k = (((total as u128) * (GOLDEN as u128)) >> 64) as u64;
    k = k.max(1);
    while gcd(k, total) != 1 {
        k += 1;
    }
    k
}

fn gcd(mut a: u64, mut b: u64) -> u64 {
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a
}

fn least_inflight(input: &SelectInput, loads: &[u32], c: &[usize]) -> usize {
    let load = |i: usize| (loads[i] as u64, input.endpoints[i].weight as u64);
    // Minimal inflight/weight, compared by cross-multiplication; ties in candidate order.
    let mut best: Vec<usize> = Vec::new();
    for &i in c {
        match best.first() {
            None => best.push(i),
            Some(&b) => {
                let ((fi, wi), (fb, wb)) = (load(i), load(b));
                if fi * wb < fb * wi {
                    best.clear();
                    best.push(i);
                } else if fi * wb == fb * wi {
                    best.push(i);
                }
            }
        }
    }
    pick_rr(&best, input.rr)
}

fn affinity(input: &SelectInput, c: &[usize]) -> usize {
    let mut best = c[0];
    let mut best_score = affinity_score(input.key, &input.endpoints[best].server);
    for &i in &c[1..] {
        let s = affinity_score(input.key, &input.endpoints[i].server);
        if s > best_score {
            best = i;
            best_score = s;
        }
    }
    best
}

fn region(input: &SelectInput, c: &[usize]) -> usize {
    if !input.region.is_empty() {
        let same: Vec<usize> = c
            .iter()
            .copied()
            .filter(|&i| input.endpoints[i].region == input.region)
            .collect();
        if !same.is_empty() {
            return pick_rr(&same, input.rr);
        }
    }
    pick_rr(c, input.rr)
}

fn blake2b256(parts: &[&[u8]]) -> [u8; 32] {
    let mut h = Blake2b::<U32>::new();
    for p in parts {
        h.update(p);
    }
    h.finalize().into()
}

fn be_u64(b: &[u8; 32]) -> u64 {
    u64::from_be_bytes(b[..8].try_into().expect("8 bytes"))
}

/// Rendezvous score of `server` for `key`: `be_u64(blake2b256(key ++ bcs(server)))`.
pub fn affinity_score(key: &[u8], server: &Address) -> u64 {
    be_u64(&blake2b256(&[key, server.as_bytes()]))
}

/// The RANDOM policy's word: `be_u64(blake2b256(bcs(pipe) ++ bcs(seq) ++ bcs(attempt)))`.
pub fn random_word(pipe: &ObjectId, seq: u64, attempt: u32) -> u64 {
    be_u64(&blake2b256(&[
        pipe.as_bytes(),
        &seq.to_le_bytes(),
        &attempt.to_le_bytes(),
    ]))
}

#[cfg(test)]
mod tests;
