//! Keeps history bounded: every revision of the last day, then the newest of each hour for a
//! week, then the newest of each day. The newest revision and those kept at a status change
//! (workflow milestones) are never pruned.

use rusqlite::Transaction;
use time::{Duration, OffsetDateTime};

use super::tables::revisions;
use super::{time_stamp, LibraryError};

/// Pruning runs when a revision number is a multiple of this, so saves stay cheap.
pub(crate) const PRUNE_EVERY: i64 = 10;
const ALL_WITHIN: Duration = Duration::days(1);
const HOURLY_WITHIN: Duration = Duration::days(7);

/// A revision as the policy sees it.
#[derive(Debug, Clone)]
pub(crate) struct Kept {
    pub number: i64,
    pub kept_at: OffsetDateTime,
    pub milestone: bool,
}

/// The revision numbers the policy drops from `revisions` (any order).
pub(crate) fn to_prune(revisions: &[Kept], now: OffsetDateTime) -> Vec<i64> {
    let mut sorted: Vec<&Kept> = revisions.iter().collect();
    sorted.sort_by_key(|k| std::cmp::Reverse(k.number));
    let mut seen_buckets = std::collections::HashSet::new();
    let mut dropped = Vec::new();
    for (rank, rev) in sorted.into_iter().enumerate() {
        let age = now - rev.kept_at;
        let bucket = if age < ALL_WITHIN {
            None
        } else if age < HOURLY_WITHIN {
            Some((rev.kept_at.date(), rev.kept_at.hour()))
        } else {
            Some((rev.kept_at.date(), 24))
        };
        // Newest first: the first revision seen in a bucket is the one that stays.
        let first_in_bucket = bucket.is_none_or(|b| seen_buckets.insert(b));
        if rank > 0 && !rev.milestone && !first_in_bucket {
            dropped.push(rev.number);
        }
    }
    dropped
}

/// Applies the policy to piece `id`.
pub(crate) fn prune(tx: &Transaction<'_>, id: i64) -> Result<usize, LibraryError> {
    // A timestamp this build did not write is treated as recent: kept.
    let kept: Vec<Kept> = revisions::kept(tx, id)?
        .into_iter()
        .filter_map(|(number, at, milestone)| {
            time_stamp::parse(&at).map(|kept_at| Kept {
                number,
                kept_at,
                milestone,
            })
        })
        .collect();
    let dropped = to_prune(&kept, OffsetDateTime::now_utc());
    for &number in &dropped {
        revisions::delete(tx, id, number)?;
    }
    Ok(dropped.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kept(number: i64, hours_ago: i64, now: OffsetDateTime) -> Kept {
        Kept {
            number,
            kept_at: now - Duration::hours(hours_ago),
            milestone: false,
        }
    }

    #[test]
    fn last_day_is_whole_then_hourly_then_daily() {
        let now =
            OffsetDateTime::now_utc().replace_time(time::Time::from_hms(12, 30, 0).expect("time"));
        let revisions = vec![
            kept(1, 24 * 30, now),     // a month ago: alone in its day, kept
            kept(2, 24 * 10 + 1, now), // ten days ago, same day as 3: dropped
            kept(3, 24 * 10, now),
            kept(4, 48, now), // two days ago, same hour as 5 (minutes apart)
            Kept {
                number: 5,
                kept_at: now - Duration::hours(48) + Duration::minutes(10),
                milestone: false,
            },
            kept(6, 2, now), // the last day: all kept
            kept(7, 1, now),
            kept(8, 1, now),
        ];
        let mut dropped = to_prune(&revisions, now);
        dropped.sort();
        assert_eq!(dropped, vec![2, 4]);
    }

    #[test]
    fn newest_and_milestones_are_never_dropped() {
        let now = OffsetDateTime::now_utc();
        let mut old_milestone = kept(1, 24 * 40, now);
        old_milestone.milestone = true;
        let revisions = vec![old_milestone, kept(2, 24 * 40, now), kept(3, 24 * 40, now)];
        assert_eq!(to_prune(&revisions, now), vec![2]);
    }
}
