//! Long work the window follows and can stop: the archive export today, publishing and PDF
//! next. A job has an id, reports progress through one event ([`PROGRESS_EVENT`], payload
//! [`JobProgress`]) and is cancelled by id; the running jobs live in one place, [`Jobs`], in the
//! app state. The core only sees a progress callback and an `AtomicBool`, no Tauri.

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use serde::Serialize;

use crate::state::lock;

/// The one event every job's progress is emitted as.
pub const PROGRESS_EVENT: &str = "job-progress";

/// A job's id, unique for the life of the app.
pub type JobId = u64;

/// What a job does, so the window knows which progress bar an event moves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum JobKind {
    /// The static archive of the library, written to a folder.
    SiteExport,
}

/// One progress event: `done` of `total` steps (files, for an export). The first event of a
/// job comes before any work, with `total` 0, so the window learns the id it may cancel.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct JobProgress {
    /// The job.
    pub job: JobId,
    /// What it does.
    pub kind: JobKind,
    /// Steps done.
    pub done: usize,
    /// Steps in all (0 while unknown).
    pub total: usize,
}

type Running = Arc<Mutex<HashMap<JobId, Arc<AtomicBool>>>>;

/// The running jobs and their cancel flags.
#[derive(Debug, Default)]
pub struct Jobs {
    next: AtomicU64,
    running: Running,
}

impl Jobs {
    /// Registers a new job of `kind`; it is forgotten when the returned [`Job`] is dropped.
    pub fn start(&self, kind: JobKind) -> Job {
        let id = self.next.fetch_add(1, Ordering::Relaxed) + 1;
        let cancel = Arc::new(AtomicBool::new(false));
        lock(&self.running).insert(id, Arc::clone(&cancel));
        Job {
            id,
            kind,
            cancel,
            running: Arc::clone(&self.running),
        }
    }

    /// Asks job `id` to stop; false when no such job is running (it already ended).
    pub fn cancel(&self, id: JobId) -> bool {
        match lock(&self.running).get(&id) {
            Some(flag) => {
                flag.store(true, Ordering::Relaxed);
                true
            }
            None => false,
        }
    }

    /// How many jobs are running.
    pub fn running(&self) -> usize {
        lock(&self.running).len()
    }
}

/// A running job: its id, its cancel flag for the core, and its progress reports.
#[derive(Debug)]
pub struct Job {
    id: JobId,
    kind: JobKind,
    cancel: Arc<AtomicBool>,
    running: Running,
}

impl Job {
    /// The id the window cancels it by.
    pub fn id(&self) -> JobId {
        self.id
    }

    /// The flag the core's long work polls; set by [`Jobs::cancel`].
    pub fn cancel_flag(&self) -> Arc<AtomicBool> {
        Arc::clone(&self.cancel)
    }

    /// A `progress(done, total)` callback for the core that hands `emit` at most one event per
    /// percent (plus the last): smooth enough for a bar, and quiet over IPC on big archives.
    /// Emits the job's first event (0 of 0) at once.
    pub fn progress<E>(&self, mut emit: E) -> impl FnMut(usize, usize)
    where
        E: FnMut(JobProgress),
    {
        let (job, kind) = (self.id, self.kind);
        emit(JobProgress {
            job,
            kind,
            done: 0,
            total: 0,
        });
        let mut last_percent = None;
        move |done, total| {
            let percent = (done * 100).checked_div(total).unwrap_or(100);
            if last_percent != Some(percent) || done == total {
                last_percent = Some(percent);
                emit(JobProgress {
                    job,
                    kind,
                    done,
                    total,
                });
            }
        }
    }
}

impl Drop for Job {
    fn drop(&mut self) {
        lock(&self.running).remove(&self.id);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cancel_reaches_only_the_job_named() {
        let jobs = Jobs::default();
        let first = jobs.start(JobKind::SiteExport);
        let second = jobs.start(JobKind::SiteExport);
        assert_ne!(first.id(), second.id());
        assert!(jobs.cancel(second.id()));
        assert!(!first.cancel_flag().load(Ordering::Relaxed));
        assert!(second.cancel_flag().load(Ordering::Relaxed));
    }

    #[test]
    fn a_finished_job_is_forgotten_and_cannot_be_cancelled() {
        let jobs = Jobs::default();
        let job = jobs.start(JobKind::SiteExport);
        let id = job.id();
        assert_eq!(jobs.running(), 1);
        drop(job);
        assert_eq!(jobs.running(), 0);
        assert!(!jobs.cancel(id));
    }

    #[test]
    fn progress_announces_the_job_then_reports_once_per_percent_and_the_end() {
        let jobs = Jobs::default();
        let job = jobs.start(JobKind::SiteExport);
        let mut events = Vec::new();
        {
            let mut progress = job.progress(|event| events.push(event));
            for done in 0..=10_000 {
                progress(done, 10_000);
            }
        }
        assert_eq!(
            events[0],
            JobProgress {
                job: job.id(),
                kind: JobKind::SiteExport,
                done: 0,
                total: 0
            }
        );
        // The announcement, then 0 % to 100 %: 102 events for 10,001 steps.
        assert_eq!(events.len(), 102);
        assert_eq!(
            events.last().map(|e| (e.done, e.total)),
            Some((10_000, 10_000))
        );
    }

    #[test]
    fn the_event_payload_is_what_the_window_reads() {
        let event = JobProgress {
            job: 7,
            kind: JobKind::SiteExport,
            done: 3,
            total: 9,
        };
        assert_eq!(
            serde_json::to_value(event).expect("serialize"),
            serde_json::json!({ "job": 7, "kind": "site_export", "done": 3, "total": 9 })
        );
    }
}
