//! Calls on their way. Work that will queue a call soon, such as a request a daemon has handed to
//! its backend (its completion follows once the backend answers), takes a [`Coming`] from the
//! queue first and hands it over with its call. A batch whose first call was announced waits
//! while others are, up to [`GroupConfig::linger`](super::GroupConfig::linger) after that call
//! queued, so requests served side by side complete in one transaction instead of one each.
//! Nothing else announced, or a first call that was not (a lease renewal): no wait.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Instant;

use tokio::sync::Notify;

/// How many calls are announced and not yet queued, and a wake-up when that changes.
#[derive(Default)]
pub(super) struct Announced {
    count: AtomicUsize,
    changed: Notify,
}

/// A call announced to a group commit: counted until it is queued (or this is dropped, when the
/// work ends without a call).
#[must_use = "a Coming counts until it is dropped or its call is queued"]
pub struct Coming {
    announced: Arc<Announced>,
}

impl std::fmt::Debug for Coming {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Coming").finish_non_exhaustive()
    }
}

impl Drop for Coming {
    fn drop(&mut self) {
        self.announced.count.fetch_sub(1, Ordering::SeqCst);
        self.announced.changed.notify_waiters();
    }
}

impl Announced {
    /// Counts one more call on its way.
    pub(super) fn announce(self: &Arc<Self>) -> Coming {
        self.count.fetch_add(1, Ordering::SeqCst);
        Coming {
            announced: self.clone(),
        }
    }

    /// Calls announced and not yet queued.
    pub(super) fn pending(&self) -> usize {
        self.count.load(Ordering::SeqCst)
    }

    /// A call queued without an announcement: a batch waiting for announced ones looks again
    /// whether it is full.
    pub(super) fn queued(&self) {
        if self.pending() > 0 {
            self.changed.notify_waiters();
        }
    }

    /// Returns once nothing is announced, `full()` holds (the batch has no room left) or it is
    /// `until`.
    pub(super) async fn wait(&self, until: Instant, full: impl Fn() -> bool) {
        let deadline = tokio::time::Instant::from_std(until);
        loop {
            let changed = self.changed.notified();
            tokio::pin!(changed);
            changed.as_mut().enable();
            if self.pending() == 0 || full() || Instant::now() >= until {
                return;
            }
            tokio::select! {
                _ = &mut changed => {}
                _ = tokio::time::sleep_until(deadline) => return,
            }
        }
    }
}
