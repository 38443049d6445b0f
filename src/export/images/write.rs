//! Writing an export's image files: those already in the folder with the bytes Edito wrote
//! (name and SHA-256 in the folder's manifest) are kept without decoding anything; the others
//! are made by `images::renditions` — upright, metadata stripped, resized, every size of one
//! image from a single decode — one image per worker, one worker per core, and staged with
//! the rest of the export.

use std::sync::Mutex;
use std::thread;

use super::plan::{ImagePlan, PlannedFile};
use super::ImageStore;
use crate::export::error::ExportError;
use crate::export::fs::Staging;
use crate::images::{renditions, ImageError, ImageFormat, ImageId, Rendition};

/// Which of an image's files an export writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum FolderKind {
    /// Every variant (pages, fragments, the archive).
    Variants,
    /// The largest file only (Markdown and TextBundle exports).
    Largest,
}

/// The files to make of one image: which plan, which of its files.
struct Job {
    plan: usize,
    files: Vec<usize>,
}

/// Stages under `folder` (`""`, `images/`, `assets/`) the files of `plans` (all of them or
/// only the largest, per `kind`), keeping those already written; updates a planned name when
/// the format written differs from the planned one (a transparent WebP becomes PNG). Returns
/// how many files were made. `piece` names the piece in errors.
pub(crate) fn write_images(
    staging: &mut Staging,
    folder: &str,
    plans: &mut [ImagePlan],
    kind: FolderKind,
    store: &dyn ImageStore,
    piece: &str,
) -> Result<usize, ExportError> {
    let mut jobs = Vec::new();
    for (p, plan) in plans.iter_mut().enumerate() {
        let first = match kind {
            FolderKind::Variants => 0,
            FolderKind::Largest => plan.files.len() - 1,
        };
        let mut files = Vec::new();
        for f in first..plan.files.len() {
            if !keep_existing(staging, folder, &mut plan.files[f])? {
                files.push(f);
            }
        }
        if !files.is_empty() {
            jobs.push(Job { plan: p, files });
        }
    }
    if jobs.is_empty() {
        return Ok(0);
    }
    let originals = read_originals(plans, &jobs, store, piece)?;
    let made = render_all(plans, &jobs, &originals);
    let mut count = 0;
    for (job, result) in jobs.iter().zip(made) {
        let plan = &mut plans[job.plan];
        let made = result.map_err(|err| ExportError::BadImage {
            piece: piece.to_owned(),
            image: image_label(plan),
            reason: err.to_string(),
        })?;
        for (&f, rendition) in job.files.iter().zip(&made) {
            let file = &mut plan.files[f];
            rename_for(file, rendition);
            staging.stage(&format!("{folder}{}", file.name), &rendition.bytes)?;
            count += 1;
        }
    }
    Ok(count)
}

/// Whether the file is already in the folder as Edito wrote it (for a WebP original, under
/// either extension it may have become).
fn keep_existing(
    staging: &mut Staging,
    folder: &str,
    file: &mut PlannedFile,
) -> Result<bool, ExportError> {
    if staging.keep_if_unchanged(&format!("{folder}{}", file.name))? {
        return Ok(true);
    }
    if let Some(stem) = file.name.strip_suffix(".jpg") {
        let png = format!("{stem}.png");
        if staging.keep_if_unchanged(&format!("{folder}{png}"))? {
            file.name = png;
            return Ok(true);
        }
    }
    Ok(false)
}

/// The original bytes of every image that has a file to make, by plan index.
fn read_originals(
    plans: &[ImagePlan],
    jobs: &[Job],
    store: &dyn ImageStore,
    piece: &str,
) -> Result<Vec<Option<Vec<u8>>>, ExportError> {
    let mut originals: Vec<Option<Vec<u8>>> = vec![None; plans.len()];
    for job in jobs {
        if originals[job.plan].is_some() {
            continue;
        }
        let plan = &plans[job.plan];
        let missing = |reason: String| ExportError::MissingImage {
            piece: piece.to_owned(),
            image: image_label(plan),
            reason,
        };
        let id = ImageId::parse(&plan.record.id)
            .ok_or_else(|| missing("the library holds an invalid image id".to_owned()))?;
        originals[job.plan] = Some(store.image_bytes(&id).map_err(missing)?);
    }
    Ok(originals)
}

/// Makes every job's renditions, in job order. Each job decodes one full original (about
/// 0.1–0.3 s for 12 megapixels) and resizes it; jobs are independent, so they run on one
/// worker per core (standard threads: a shared job counter is all it takes, no thread pool
/// and no new dependency needed).
fn render_all(
    plans: &[ImagePlan],
    jobs: &[Job],
    originals: &[Option<Vec<u8>>],
) -> Vec<Result<Vec<Rendition>, ImageError>> {
    let workers = thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(jobs.len());
    let next = Mutex::new(0_usize);
    let results: Mutex<Vec<Option<Result<Vec<Rendition>, _>>>> =
        Mutex::new((0..jobs.len()).map(|_| None).collect());
    let work = || loop {
        let index = {
            let mut next = next.lock().unwrap_or_else(|e| e.into_inner());
            let index = *next;
            *next += 1;
            index
        };
        let Some(job) = jobs.get(index) else {
            break;
        };
        let bytes = originals[job.plan].as_deref().unwrap_or_default();
        let files = &plans[job.plan].files;
        let edges: Vec<u32> = job.files.iter().map(|&f| files[f].max_edge).collect();
        let made = renditions(bytes, &edges);
        results.lock().unwrap_or_else(|e| e.into_inner())[index] = Some(made);
    };
    thread::scope(|scope| {
        for _ in 1..workers {
            scope.spawn(work);
        }
        work();
    });
    results
        .into_inner()
        .unwrap_or_else(|e| e.into_inner())
        .into_iter()
        .map(|made| {
            made.unwrap_or_else(|| {
                Err(ImageError::Corrupt {
                    reason: "a worker stopped".into(),
                })
            })
        })
        .collect()
}

/// The planned file after making it: the extension of the format written, and its real size.
fn rename_for(file: &mut PlannedFile, made: &Rendition) {
    let extension = match made.format {
        ImageFormat::Png => "png",
        _ => "jpg",
    };
    if !file.name.ends_with(&format!(".{extension}")) {
        if let Some((stem, _)) = file.name.rsplit_once('.') {
            file.name = format!("{stem}.{extension}");
        }
    }
    file.width = made.width;
    file.height = made.height;
}

fn image_label(plan: &ImagePlan) -> String {
    super::image_label(&plan.record)
}
