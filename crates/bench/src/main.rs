//! `engine-native ITEMS ROUNDS`: the engine's work of [`tekigo_bench::engine_round`] timed
//! natively; prints one time in milliseconds per line, for `cargo xtask bench`.

use std::time::Instant;

fn main() {
    let mut args = std::env::args().skip(1);
    let items = args.next().and_then(|a| a.parse().ok()).unwrap_or(10_000);
    let rounds = args.next().and_then(|a| a.parse().ok()).unwrap_or(15);
    let (catalog, assessment) = tekigo_bench::workload(items);
    for _ in 0..rounds {
        let started = Instant::now();
        std::hint::black_box(tekigo_bench::engine_round(&catalog, &assessment));
        println!("{:.3}", started.elapsed().as_secs_f64() * 1000.0);
    }
}
