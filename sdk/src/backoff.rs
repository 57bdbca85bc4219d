//! The one retry delay of dtp: exponential backoff with jitter, started again after a success.
//! The SDK's submission retries and the event stream's reconnects use it, so two clients that
//! failed together do not retry in lockstep, and one long outage does not slow every later retry.

use std::time::Duration;

use rand::Rng;

/// Exponential backoff with "equal jitter": a delay is half its step plus a random part of the
/// other half; each step doubles the last, up to `max`; [`Backoff::reset`] starts again.
#[derive(Debug, Clone)]
pub struct Backoff {
    initial: Duration,
    max: Duration,
    step: Duration,
}

impl Backoff {
    /// A backoff whose first step is `initial` and whose steps never exceed `max`.
    pub fn new(initial: Duration, max: Duration) -> Self {
        let initial = initial.min(max);
        Backoff {
            initial,
            max,
            step: initial,
        }
    }

    /// The delay before the next try (within `[step / 2, step]`); the next step doubles.
    pub fn next_delay(&mut self) -> Duration {
        let step = self.step;
        self.step = step.saturating_mul(2).min(self.max);
        let half = step / 2;
        half + rand::thread_rng().gen_range(Duration::ZERO..=step - half)
    }

    /// After a success: the next delay is from the first step again.
    pub fn reset(&mut self) {
        self.step = self.initial;
    }

    /// The step of the next delay (its upper bound).
    pub fn step(&self) -> Duration {
        self.step
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MS: Duration = Duration::from_millis(1);

    #[test]
    fn delays_double_up_to_the_cap_with_jitter_and_start_again_after_a_reset() {
        let mut b = Backoff::new(100 * MS, 5_000 * MS);
        let steps = [100, 200, 400, 800, 1600, 3200, 5000, 5000];
        for s in steps {
            let d = b.next_delay();
            assert!(
                d >= s * MS / 2 && d <= s * MS,
                "{d:?} outside [{s}/2, {s}] ms"
            );
        }
        b.reset();
        assert_eq!(b.step(), 100 * MS);
        assert!(b.next_delay() <= 100 * MS);
    }

    #[test]
    fn jitter_spreads_the_delays() {
        let distinct: std::collections::HashSet<Duration> = (0..20)
            .map(|_| Backoff::new(1_000 * MS, 5_000 * MS).next_delay())
            .collect();
        assert!(distinct.len() > 1, "every delay was the same");
    }
}
