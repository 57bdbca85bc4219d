use super::*;
use crate::constants::{STATE_DRAINING, STATE_UP};

const NOW: u64 = 10_000;

fn addr(n: u8) -> Address {
    Address::new([n; 32])
}

fn cfg() -> HostConfig {
    HostConfig {
        healthy_threshold: 1,
        ..HostConfig::default()
    }
}

fn ep(n: u8, weight: u32, role: u8, region: &str) -> Endpoint {
    let mut e = Endpoint::new(addr(n), format!("s{n}"), region.into(), weight, 0, role);
    e.apply_heartbeat(&cfg(), true, 0, NOW);
    e
}

fn input<'a>(
    eps: &'a [Endpoint],
    cfg: &'a HostConfig,
    inflight: &'a VecMap<Address, u32>,
    policy: Policy,
) -> SelectInput<'a> {
    SelectInput {
        endpoints: eps,
        config: cfg,
        inflight,
        policy,
        now: NOW,
        rr: 0,
        key: b"",
        region: "",
        pipe: addr(99),
        seq: 0,
        attempt: 1,
        exclude: None,
    }
}

fn run(inp: SelectInput, n: u64) -> Vec<usize> {
    (0..n)
        .map(|rr| select(&SelectInput { rr, seq: rr, ..inp }).unwrap().index)
        .collect()
}

#[test]
fn round_robin_cycles_in_endpoint_order() {
    let eps = [
        ep(1, 1, ROLE_ACTIVE, ""),
        ep(2, 1, ROLE_ACTIVE, ""),
        ep(3, 1, ROLE_ACTIVE, ""),
    ];
    let (c, m) = (cfg(), VecMap::new());
    assert_eq!(
        run(input(&eps, &c, &m, Policy::RoundRobin), 6),
        vec![0, 1, 2, 0, 1, 2]
    );
}

#[test]
fn unhealthy_draining_and_excluded_endpoints_are_skipped() {
    let mut eps = vec![
        ep(1, 1, ROLE_ACTIVE, ""),
        ep(2, 1, ROLE_ACTIVE, ""),
        ep(3, 1, ROLE_ACTIVE, ""),
    ];
    eps[0].state = STATE_DRAINING;
    let (c, m) = (cfg(), VecMap::new());
    let inp = SelectInput {
        exclude: Some(addr(3)),
        ..input(&eps, &c, &m, Policy::RoundRobin)
    };
    assert_eq!(run(inp, 3), vec![1, 1, 1]);
    let late = SelectInput {
        now: NOW + c.heartbeat_timeout_ms + 1,
        ..inp
    };
    assert_eq!(select(&late), Err(MoveAbort::NoHealthyEndpoint));
    eps[0].state = STATE_UP;
}

#[test]
fn standby_only_when_no_active_is_selectable() {
    let mut eps = vec![ep(1, 1, ROLE_ACTIVE, ""), ep(2, 1, ROLE_STANDBY, "")];
    let (c, m) = (cfg(), VecMap::new());
    let s = select(&input(&eps, &c, &m, Policy::RoundRobin)).unwrap();
    assert_eq!(
        s,
        Selection {
            index: 0,
            standby: false
        }
    );
    eps[0].ready = false;
    let s = select(&input(&eps, &c, &m, Policy::RoundRobin)).unwrap();
    assert_eq!(
        s,
        Selection {
            index: 1,
            standby: true
        }
    );
}

#[test]
fn max_inflight_caps_an_endpoint() {
    let mut eps = vec![ep(1, 1, ROLE_ACTIVE, ""), ep(2, 1, ROLE_ACTIVE, "")];
    eps[0].max_inflight = 2;
    let c = cfg();
    let mut m = VecMap::new();
    m.insert(addr(1), 2);
    assert_eq!(
        run(input(&eps, &c, &m, Policy::RoundRobin), 4),
        vec![1, 1, 1, 1]
    );
}

#[test]
fn weighted_is_exactly_proportional_over_each_window_and_interleaved() {
    let eps = [
        ep(1, 5, ROLE_ACTIVE, ""),
        ep(2, 3, ROLE_ACTIVE, ""),
        ep(3, 2, ROLE_ACTIVE, ""),
    ];
    let (c, m) = (cfg(), VecMap::new());
    let picks = run(input(&eps, &c, &m, Policy::Weighted), 100);
    for window in picks.chunks(10) {
        let count = |i| window.iter().filter(|&&p| p == i).count();
        assert_eq!((count(0), count(1), count(2)), (5, 3, 2), "{window:?}");
    }
    assert_eq!(&picks[..10], &[0, 1, 0, 0, 2, 1, 0, 2, 1, 0]);
    let longest_run = picks
        .windows(3)
        .filter(|w| w.iter().all(|&p| p == w[0]))
        .count();
    assert_eq!(longest_run, 0, "no endpoint gets three in a row: {picks:?}");
}

#[test]
fn weighted_stride_is_coprime_with_the_total() {
    for total in 1..2000u64 {
        let k = weighted_stride(total);
        assert_eq!(gcd(k, total), 1, "total {total}");
        assert!(
            k >= 1 && (total == 1 || k < total + 10),
            "total {total} stride {k}"
        );
    }
    assert_eq!(weighted_stride(10), 7);
    assert_eq!(weighted_stride(1), 1);
}

#[test]
fn least_inflight_prefers_the_least_loaded_per_weight() {
    let eps = [
        ep(1, 1, ROLE_ACTIVE, ""),
        ep(2, 2, ROLE_ACTIVE, ""),
        ep(3, 1, ROLE_ACTIVE, ""),
    ];
    let c = cfg();
    let mut m = VecMap::new();
    m.insert(addr(1), 1);
    m.insert(addr(2), 1);
    m.insert(addr(3), 1);
    // 1/1, 1/2, 1/1: endpoint 2 is the least loaded per weight.
    assert_eq!(
        run(input(&eps, &c, &m, Policy::LeastInflight), 3),
        vec![1, 1, 1]
    );
    *m.get_mut(&addr(2)).unwrap() = 2;
    // 1/1, 2/2, 1/1: a three-way tie broken by round robin.
    assert_eq!(
        run(input(&eps, &c, &m, Policy::LeastInflight), 3),
        vec![0, 1, 2]
    );
}

#[test]
fn affinity_keeps_keys_and_moves_only_the_leavers_keys() {
    let mut eps: Vec<Endpoint> = (1..=5).map(|n| ep(n, 1, ROLE_ACTIVE, "")).collect();
    let (c, m) = (cfg(), VecMap::new());
    let keys: Vec<Vec<u8>> = (0..200u32)
        .map(|k| format!("user-{k}").into_bytes())
        .collect();
    let owner = |eps: &[Endpoint], key: &[u8]| {
        let sel = select(&SelectInput {
            key,
            ..input(eps, &c, &m, Policy::Affinity)
        })
        .unwrap();
        eps[sel.index].server
    };
    let before: Vec<Address> = keys.iter().map(|k| owner(&eps, k)).collect();
    for rr in 0..3 {
        let again = select(&SelectInput {
            key: &keys[0],
            rr,
            ..input(&eps, &c, &m, Policy::Affinity)
        })
        .unwrap();
        assert_eq!(eps[again.index].server, before[0], "rr does not matter");
    }
    let leaver = addr(3);
    eps[2].ready = false;
    for (k, old) in keys.iter().zip(&before) {
        let now = owner(&eps, k);
        if *old == leaver {
            assert_ne!(now, leaver);
        } else {
            assert_eq!(now, *old, "a key not on the leaver stays put");
        }
    }
    let spread = (1..=5).filter(|n| before.contains(&addr(*n))).count();
    assert_eq!(spread, 5, "200 keys reach every server");
}

#[test]
fn affinity_without_a_key_is_round_robin() {
    let eps = [ep(1, 1, ROLE_ACTIVE, ""), ep(2, 1, ROLE_ACTIVE, "")];
    let (c, m) = (cfg(), VecMap::new());
    assert_eq!(
        run(input(&eps, &c, &m, Policy::Affinity), 4),
        vec![0, 1, 0, 1]
    );
}

#[test]
fn random_is_reproducible_and_depends_on_pipe_seq_attempt() {
    let eps: Vec<Endpoint> = (1..=4).map(|n| ep(n, 1, ROLE_ACTIVE, "")).collect();
    let (c, m) = (cfg(), VecMap::new());
    let a = run(input(&eps, &c, &m, Policy::Random), 64);
    assert_eq!(a, run(input(&eps, &c, &m, Policy::Random), 64));
    let other_pipe = run(
        SelectInput {
            pipe: addr(98),
            ..input(&eps, &c, &m, Policy::Random)
        },
        64,
    );
    assert_ne!(a, other_pipe);
    for i in 0..4 {
        assert!(a.contains(&i), "64 draws reach every endpoint");
    }
    assert_ne!(random_word(&addr(1), 1, 1), random_word(&addr(1), 1, 2));
}

#[test]
fn region_prefers_the_requested_region_then_everyone() {
    let eps = [
        ep(1, 1, ROLE_ACTIVE, "eu"),
        ep(2, 1, ROLE_ACTIVE, "us"),
        ep(3, 1, ROLE_ACTIVE, "eu"),
    ];
    let (c, m) = (cfg(), VecMap::new());
    let eu = SelectInput {
        region: "eu",
        ..input(&eps, &c, &m, Policy::Region)
    };
    assert_eq!(run(eu, 4), vec![0, 2, 0, 2]);
    let ap = SelectInput {
        region: "ap",
        ..input(&eps, &c, &m, Policy::Region)
    };
    assert_eq!(run(ap, 3), vec![0, 1, 2]);
}

#[test]
fn hashes_match_known_blake2b256_values() {
    // blake2b-256 of the empty input, a published test value.
    let empty = blake2b256(&[]);
    assert_eq!(empty[..8], [0x0e, 0x57, 0x51, 0xc0, 0x26, 0xe5, 0x43, 0xb2]);
    assert_eq!(
        affinity_score(b"", &Address::new([0; 32])),
        be_u64(&blake2b256(&[&[0u8; 32]]))
    );
}

/// The selection as Move computes it: every in-flight count looked up in the `VecMap` where it is
/// needed. The twin's one-pass `loads` must give the same result for every input.
fn select_as_move(input: &SelectInput) -> Result<Selection, MoveAbort> {
    let ok = |e: &Endpoint| {
        e.is_healthy(input.config, input.now)
            && (e.max_inflight == 0 || inflight_of(input.inflight, &e.server) < e.max_inflight)
    };
    let tier = |role: u8| -> Vec<usize> {
        (0..input.endpoints.len())
            .filter(|&i| {
                let e = &input.endpoints[i];
                e.role == role && Some(e.server) != input.exclude && ok(e)
            })
            .collect()
    };
    let (c, standby) = match tier(ROLE_ACTIVE) {
        a if a.is_empty() => (tier(ROLE_STANDBY), true),
        a => (a, false),
    };
    if c.is_empty() {
        return Err(MoveAbort::NoHealthyEndpoint);
    }
    if input.policy != Policy::LeastInflight {
        // Only least_inflight reads the counts after the candidates; the rest is shared code.
        let loads: Vec<u32> = input
            .endpoints
            .iter()
            .map(|e| inflight_of(input.inflight, &e.server))
            .collect();
        assert_eq!(candidates(input, &loads), (c.clone(), standby));
        return select(input);
    }
    let load = |i: usize| {
        let e = &input.endpoints[i];
        (
            inflight_of(input.inflight, &e.server) as u64,
            e.weight as u64,
        )
    };
    let mut best: Vec<usize> = Vec::new();
    for &i in &c {
        match best.first() {
            None => best.push(i),
            Some(&b) => {
                let ((fi, wi), (fb, wb)) = (load(i), load(b));
                if fi * wb < fb * wi {
                    best = vec![i];
                } else if fi * wb == fb * wi {
                    best.push(i);
                }
            }
        }
    }
    Ok(Selection {
        index: pick_rr(&best, input.rr),
        standby,
    })
}

mod one_pass_loads {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]
        #[test]
        fn select_equals_the_move_lookups(
            eps in proptest::collection::vec((1u32..5, 0u32..4, any::<bool>(), any::<bool>()), 1..40),
            held in proptest::collection::vec((0u8..60, 0u32..6), 0..50),
            policy in 0u8..6,
            rr in any::<u64>(),
            exclude in proptest::option::of(0u8..40),
        ) {
            let endpoints: Vec<Endpoint> = eps
                .iter()
                .enumerate()
                .map(|(i, &(weight, cap, standby, healthy))| {
                    let mut e = ep(i as u8, weight, if standby { ROLE_STANDBY } else { ROLE_ACTIVE }, "");
                    e.max_inflight = cap;
                    if !healthy {
                        e.state = STATE_DRAINING;
                    }
                    e
                })
                .collect();
            // Counts for endpoints and for servers that are no endpoint any more.
            let mut inflight = VecMap::new();
            for (who, n) in held {
                if inflight.get(&addr(who)).is_none() {
                    inflight.insert(addr(who), n);
                }
            }
            let c = cfg();
            let mut inp = input(&endpoints, &c, &inflight, Policy::from_u8(policy).unwrap());
            inp.rr = rr;
            inp.exclude = exclude.map(addr);
            prop_assert_eq!(select(&inp), select_as_move(&inp));
        }
    }
}
