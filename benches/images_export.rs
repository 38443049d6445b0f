//! Image export benchmarks (issue #14): the page of a piece showing three 12-megapixel JPEG
//! photos, written with every variant into a fresh folder (goal < 2 s), and written again
//! into the same folder with nothing changed (goal < 100 ms). Figures in
//! docs/PERFORMANCE.md.

use std::collections::HashMap;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use edito::export::{Article, ExportFormat, Exporter, ImageStore};
use edito::images::{inspect, ImageId};
use edito::library::ImageRecord;
use image::{ImageEncoder, Rgb, RgbImage};

/// Images in memory, as the library would give them.
struct Photos(HashMap<ImageId, (ImageRecord, Vec<u8>)>);

impl ImageStore for Photos {
    fn image(&self, id: &ImageId) -> Result<ImageRecord, String> {
        self.0
            .get(id)
            .map(|(r, _)| r.clone())
            .ok_or_else(String::new)
    }

    fn image_bytes(&self, id: &ImageId) -> Result<Vec<u8>, String> {
        self.0
            .get(id)
            .map(|(_, b)| b.clone())
            .ok_or_else(String::new)
    }
}

/// A 4000 × 3000 JPEG (quality 90) with detail everywhere, like a photo: a smooth gradient
/// under a fine pattern, so the encoder cannot take shortcuts.
fn photo(seed: u32) -> Vec<u8> {
    let (width, height) = (4000, 3000);
    let pixels = RgbImage::from_fn(width, height, |x, y| {
        let noise = (x.wrapping_mul(7919) ^ y.wrapping_mul(104_729) ^ seed.wrapping_mul(31)) % 48;
        Rgb([
            ((x * 255 / width) as u8).wrapping_add(noise as u8),
            ((y * 255 / height) as u8).wrapping_add((noise / 2) as u8),
            ((seed * 60) as u8).wrapping_add(noise as u8),
        ])
    });
    let mut out = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 90)
        .write_image(
            pixels.as_raw(),
            width,
            height,
            image::ExtendedColorType::Rgb8,
        )
        .expect("encode");
    out
}

fn piece_and_photos() -> (Article, Photos) {
    let mut photos = HashMap::new();
    let mut body = String::from("Un éditorial illustré.\n\n");
    for seed in 0..3 {
        let bytes = photo(seed);
        let info = inspect(&bytes).expect("an image");
        let id = ImageId::of_bytes(&bytes);
        body.push_str(&format!(
            "![Photo {seed}]({})\n\nUn paragraphe.\n\n",
            id.reference()
        ));
        let record = ImageRecord {
            id: id.to_string(),
            media_type: info.format.media_type().into(),
            width: info.width,
            height: info.height,
            caption: format!("Légende {seed}"),
            credit: "Marie Durand".into(),
            original_name: None,
            byte_len: bytes.len() as u64,
            alt: String::new(),
            decorative: false,
            created_at: String::new(),
        };
        photos.insert(id, (record, bytes));
    }
    let mut article = Article {
        slug: "edito-illustre".into(),
        ..Article::default()
    };
    article.fields.title = "Éditorial illustré".into();
    article.fields.body = body;
    (article, Photos(photos))
}

fn bench_images_export(c: &mut Criterion) {
    let (article, photos) = piece_and_photos();
    let exporter = Exporter::new(Default::default(), None).expect("built-in theme");
    let mut group = c.benchmark_group("images_export");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(15));
    group.bench_function("page_3_photos_12mp_fresh", |b| {
        b.iter_batched(
            || tempfile::tempdir().expect("temp dir"),
            |dir| {
                exporter
                    .export_to_path(
                        &article,
                        ExportFormat::Page,
                        &dir.path().join("p.html"),
                        &photos,
                    )
                    .expect("export");
                dir
            },
            BatchSize::PerIteration,
        );
    });
    let dir = tempfile::tempdir().expect("temp dir");
    let page = dir.path().join("p.html");
    exporter
        .export_to_path(&article, ExportFormat::Page, &page, &photos)
        .expect("first export");
    group.measurement_time(Duration::from_secs(5));
    group.bench_function("page_3_photos_12mp_reexport_unchanged", |b| {
        b.iter(|| {
            exporter
                .export_to_path(&article, ExportFormat::Page, &page, &photos)
                .expect("re-export");
        });
    });
    group.finish();
}

criterion_group!(benches, bench_images_export);
criterion_main!(benches);
