//! Image work on a 12-megapixel phone photo (4000 × 3000 JPEG): `inspect` (checks + a full
//! decode, what adding an image costs) and `rendition` at each width the exports write
//! (2560, 1600, 960, 480: decode, resize, re-encode), and the four from one decode
//! (`renditions`, what a page export needs per image), and three photos' four widths at once. Issue #14's goals: a pasted 12 MP photo
//! shown in the preview in < 500 ms; a page with three such photos and their variants
//! exported in < 2 s.

use std::hint::black_box;

use criterion::{criterion_group, Criterion};
use edito::images::{inspect, rendition, renditions};
use image::codecs::jpeg::JpegEncoder;
use image::{ExtendedColorType, ImageEncoder};

const WIDTH: u32 = 4000;
const HEIGHT: u32 = 3000;

/// A photo-like 12 MP JPEG (quality 90): smooth gradients plus grain, so it compresses like a
/// photograph (several MB), not like a flat test card.
fn photo() -> Vec<u8> {
    let mut seed: u32 = 0x2545_f491;
    let mut pixels = Vec::with_capacity((WIDTH * HEIGHT * 3) as usize);
    for y in 0..HEIGHT {
        for x in 0..WIDTH {
            seed = seed.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
            let grain = (seed >> 27) as u8; // 0..31
            pixels.push(((x * 200 / WIDTH) as u8).wrapping_add(grain));
            pixels.push(((y * 180 / HEIGHT) as u8).wrapping_add(grain));
            pixels.push((((x + y) * 120 / (WIDTH + HEIGHT)) as u8).wrapping_add(grain));
        }
    }
    let mut out = Vec::new();
    JpegEncoder::new_with_quality(&mut out, 90)
        .write_image(&pixels, WIDTH, HEIGHT, ExtendedColorType::Rgb8)
        .expect("encode the test photo");
    out
}

fn bench_images(c: &mut Criterion) {
    let photo = photo();
    eprintln!("test photo: {WIDTH}x{HEIGHT}, {} bytes", photo.len());
    let mut group = c.benchmark_group("images");
    group.sample_size(10);
    group.bench_function("inspect_12mp", |b| {
        b.iter(|| black_box(inspect(black_box(&photo)).expect("inspect")))
    });
    for edge in [2560, 1600, 960, 480] {
        group.bench_function(format!("rendition_12mp_{edge}"), |b| {
            b.iter(|| {
                black_box(
                    rendition(black_box(&photo), edge)
                        .expect("rendition")
                        .bytes
                        .len(),
                )
            })
        });
    }
    group.bench_function("renditions_12mp_all_four", |b| {
        b.iter(|| {
            black_box(
                renditions(black_box(&photo), &[2560, 1600, 960, 480])
                    .expect("renditions")
                    .len(),
            )
        })
    });
    // Three photos side by side, one thread each, as a page export with three images would run.
    group.bench_function("renditions_12mp_three_images", |b| {
        b.iter(|| {
            std::thread::scope(|scope| {
                let workers: Vec<_> = (0..3)
                    .map(|_| scope.spawn(|| renditions(&photo, &[2560, 1600, 960, 480])))
                    .collect();
                for worker in workers {
                    black_box(worker.join().expect("worker").expect("renditions").len());
                }
            })
        })
    });
    group.finish();
}

criterion_group!(benches, bench_images);

fn main() {
    benches();
    Criterion::default().configure_from_args().final_summary();
}
