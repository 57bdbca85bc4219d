//! Mutations of entry-function signatures and of which functions exist.

use super::{assert_reported, drift, mutate, rust, sources};

#[test]
fn renamed_reordered_or_retyped_params_are_reported() {
    let renamed = mutate(
        "pipe.move",
        "public fun complete(",
        "ok: bool",
        "success: bool",
    );
    let d = drift(&renamed, &rust());
    assert_reported(
        &d,
        &[
            "move/sources/pipe.move:",
            "dtp::pipe::complete vs dtp_protocol::schema::FUNCTIONS[\"complete\"]",
            "param 5 is `success: bool` in Move, `ok: bool` in Rust",
        ],
    );
    assert_eq!(d.len(), 1, "{d:?}");

    let reordered = mutate(
        "pipe.move",
        "public fun claim(",
        "seq: u64,\n    attempt: u32,",
        "attempt: u32,\n    seq: u64,",
    );
    assert_reported(
        &drift(&reordered, &rust()),
        &[
            "dtp::pipe::claim vs",
            "param 3 is `attempt: u32` in Move, `seq: u64` in Rust",
        ],
    );

    let mutable = mutate(
        "pipe.move",
        "public fun send(",
        "host: &Host",
        "host: &mut Host",
    );
    assert_reported(
        &drift(&mutable, &rust()),
        &[
            "dtp::pipe::send vs",
            "param 2 is `&mut dtp::host::Host` in Move, `&dtp::host::Host` in Rust",
        ],
    );

    let retyped = mutate(
        "host.move",
        "public fun heartbeat(",
        "load: u32",
        "load: u64",
    );
    assert_reported(
        &drift(&retyped, &rust()),
        &[
            "move/sources/host.move:",
            "dtp::host::heartbeat",
            "`load: u64` in Move, `load: u32` in Rust",
        ],
    );

    let no_clock = mutate("pipe.move", "public fun takeover(", " clock: &Clock,", "");
    assert_reported(
        &drift(&no_clock, &rust()),
        &[
            "dtp::pipe::takeover",
            "param 4 is nothing in Move, `&sui::clock::Clock` in Rust",
        ],
    );
}

#[test]
fn dropped_hidden_or_unlisted_functions_are_reported() {
    let mut files = sources();
    let (_, pipe) = files
        .iter_mut()
        .find(|(f, _)| f.ends_with("pipe.move"))
        .unwrap();
    let start = pipe.find("/// After the lease deadline").unwrap();
    let end = pipe.find("// === Getters ===").unwrap();
    pipe.replace_range(start..end, "");
    assert_reported(&drift(&files, &rust()), &["dtp_protocol::schema::FUNCTIONS[\"takeover\"] (pipe::takeover) has no function takeover in move/sources/pipe.move"]);

    let private = mutate("host.move", "", "public fun drain_self(", "fun drain_self(");
    assert_reported(
        &drift(&private, &rust()),
        &[
            "move/sources/host.move:",
            "dtp::host::drain_self is not callable",
            "FUNCTIONS[\"drain_self\"]",
        ],
    );

    let extra = mutate(
        "pipe.move",
        "",
        "// === Getters ===",
        "public fun pause(pipe: &mut Pipe, cap: &HostCap) {}\n\n// === Getters ===",
    );
    assert_reported(
        &drift(&extra, &rust()),
        &[
            "move/sources/pipe.move:",
            "dtp::pipe::pause is a public function that changes state",
            "schema::FUNCTIONS has no pipe::pause",
        ],
    );

    let entry = mutate(
        "pipe.move",
        "",
        "// === Getters ===",
        "entry fun poke(_ctx: &TxContext) {}\n\n// === Getters ===",
    );
    assert_reported(
        &drift(&entry, &rust()),
        &["dtp::pipe::poke is a public function that changes state"],
    );

    // The rule, not a list: a new read-only getter is not a transaction and needs no schema entry.
    let getter = mutate(
        "pipe.move",
        "",
        "// === Getters ===",
        "// === Getters ===\n\npublic fun seq_base(pipe: &Pipe): u64 { pipe.next_seq }",
    );
    assert_eq!(drift(&getter, &rust()), Vec::<String>::new());
}
