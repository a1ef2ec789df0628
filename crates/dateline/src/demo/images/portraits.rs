//! Contributor portraits: stylised head-and-shoulders pictures on a soft
//! background.

use std::f32::consts::PI;

use super::canvas::Canvas;
use super::colour::{Colour, mix_u8, shade};
use super::rng::Rng;

#[derive(Clone, Copy)]
pub(super) enum Hair {
    Short,
    Long,
    Bun,
    Curly,
    Wrap,
    Cropped,
}

#[derive(Clone, Copy)]
pub(super) struct Portrait {
    pub(super) background: [Colour; 2],
    pub(super) skin: Colour,
    pub(super) hair: Colour,
    pub(super) style: Hair,
    pub(super) clothes: Colour,
    pub(super) collar: Colour,
    pub(super) glasses: bool,
    /// Shifts the sitter left (negative) or right of centre, as a fraction of the width.
    pub(super) offset: f32,
}

/// Black, painted at low opacity for shadows.
const SHADOW: Colour = [0, 0, 0];

/// A head's centre and radii, in pixels.
type Head = (f32, f32, f32, f32);

/// A head and shoulders over a soft, lightly mottled background.
pub(super) fn draw_portrait(cv: &mut Canvas, p: &Portrait, rng: &mut Rng) {
    let (w, h) = (cv.wf(), cv.hf());
    cv.diagonal_gradient(p.background);
    for _ in 0..9 {
        let (x, y) = (rng.range(0.0, w), rng.range(0.0, h));
        cv.glow(x, y, rng.range(0.06, 0.16) * w, [255, 255, 255], 0.12);
    }
    let cx = (0.5 + p.offset) * w;
    let (hx, hy, rx, ry) = (cx, 0.42 * h, 0.14 * h, 0.18 * h);
    let head = (hx, hy, rx, ry);
    // Hair that falls behind the shoulders.
    if let Hair::Long = p.style {
        cv.ellipse(hx, hy + ry * 0.35, rx * 1.35, ry * 1.35, p.hair, 1.0);
        cv.rect(hx - rx * 1.3, hy + ry * 0.3, hx + rx * 1.3, hy + ry * 2.0, p.hair, 1.0);
    }
    draw_shoulders(cv, p, head);
    draw_head(cv, p, head);
    draw_front_hair(cv, p, head);
    if p.glasses {
        draw_glasses(cv, p, head);
    }
}

/// Shoulders, neck and collar.
fn draw_shoulders(cv: &mut Canvas, p: &Portrait, (cx, hy, _, ry): Head) {
    let (w, h) = (cv.wf(), cv.hf());
    cv.ellipse(cx + 0.02 * w, 1.1 * h, 0.3 * w, 0.43 * h, SHADOW, 0.25);
    cv.ellipse(cx, 1.08 * h, 0.29 * w, 0.42 * h, p.clothes, 1.0);
    cv.ellipse(cx + 0.1 * w, 1.1 * h, 0.17 * w, 0.4 * h, shade(p.clothes, 0.85), 0.6);
    cv.rect(cx - 0.045 * h * 1.6, hy + ry * 0.6, cx + 0.045 * h * 1.6, 0.74 * h, shade(p.skin, 0.85), 1.0);
    cv.poly(&[(cx - 0.075 * w, 0.7 * h), (cx + 0.075 * w, 0.7 * h), (cx, 0.9 * h)], p.collar, 1.0);
    cv.poly(&[(cx - 0.045 * w, 0.7 * h), (cx + 0.045 * w, 0.7 * h), (cx, 0.8 * h)], shade(p.skin, 0.85), 1.0);
}

/// Ears, the hair worn close to the head, and the face over it.
fn draw_head(cv: &mut Canvas, p: &Portrait, (hx, hy, rx, ry): Head) {
    cv.ellipse(hx - rx * 0.98, hy + ry * 0.05, rx * 0.16, ry * 0.22, shade(p.skin, 0.92), 1.0);
    cv.ellipse(hx + rx * 0.98, hy + ry * 0.05, rx * 0.16, ry * 0.22, shade(p.skin, 0.92), 1.0);
    match p.style {
        Hair::Short | Hair::Bun => {
            cv.ellipse(hx, hy - ry * 0.14, rx * 1.06, ry * 0.96, p.hair, 1.0);
        }
        Hair::Curly => {
            for k in 0..16 {
                let a = PI + k as f32 * PI / 15.0;
                cv.circle(hx + a.cos() * rx * 0.95, hy - ry * 0.1 + a.sin() * ry * 0.95, rx * 0.3, p.hair, 1.0);
            }
            cv.ellipse(hx, hy - ry * 0.2, rx * 1.05, ry * 0.9, p.hair, 1.0);
            for side in [-1.0, 1.0] {
                cv.circle(hx + side * rx * 1.1, hy + ry * 0.3, rx * 0.3, p.hair, 1.0);
            }
        }
        Hair::Cropped => {
            cv.ellipse(hx, hy - ry * 0.08, rx * 1.02, ry * 0.96, p.hair, 1.0);
        }
        Hair::Long | Hair::Wrap => {}
    }
    let face_top = match p.style {
        Hair::Cropped => 0.06,
        Hair::Long | Hair::Wrap => 0.0,
        _ => 0.12,
    };
    cv.ellipse(hx, hy + ry * face_top, rx * (1.0 - face_top * 0.4), ry * (1.0 - face_top * 0.5), p.skin, 1.0);
    cv.ellipse(hx + rx * 0.45, hy + ry * 0.1, rx * 0.55, ry * 0.85, SHADOW, 0.1);
}

/// Hair and wraps that sit in front of the face's top.
fn draw_front_hair(cv: &mut Canvas, p: &Portrait, (hx, hy, rx, ry): Head) {
    match p.style {
        Hair::Long => {
            cv.poly(
                &[
                    (hx - rx * 1.05, hy),
                    (hx - rx * 0.9, hy - ry * 0.8),
                    (hx, hy - ry * 1.08),
                    (hx + rx * 0.9, hy - ry * 0.8),
                    (hx + rx * 1.05, hy),
                    (hx + rx * 0.6, hy - ry * 0.55),
                    (hx - rx * 0.2, hy - ry * 0.62),
                    (hx - rx * 0.8, hy - ry * 0.3),
                ],
                p.hair,
                1.0,
            );
        }
        Hair::Bun => {
            cv.circle(hx + rx * 0.2, hy - ry * 1.15, rx * 0.45, p.hair, 1.0);
        }
        Hair::Wrap => {
            let wrap = shade(p.clothes, 1.5);
            cv.ellipse(hx, hy - ry * 0.55, rx * 1.18, ry * 0.75, wrap, 1.0);
            cv.ellipse(hx + rx * 0.25, hy - ry * 1.15, rx * 0.85, ry * 0.4, wrap, 1.0);
            for k in 0..4 {
                let yy = hy - ry * (0.25 + 0.28 * k as f32);
                cv.line((hx - rx * 0.8, yy), (hx + rx * 0.8, yy - ry * 0.2), 3.0, p.collar, 0.5);
            }
        }
        _ => {}
    }
}

fn draw_glasses(cv: &mut Canvas, p: &Portrait, (hx, hy, rx, ry): Head) {
    let frame = [30, 28, 30];
    for side in [-1.0, 1.0] {
        let (gx, gy) = (hx + side * rx * 0.42, hy + ry * 0.05);
        cv.ellipse(gx, gy, rx * 0.34, ry * 0.2, frame, 1.0);
        cv.ellipse(gx, gy, rx * 0.27, ry * 0.14, mix_u8(p.skin, [220, 230, 240], 0.35), 1.0);
    }
    cv.line((hx - rx * 0.1, hy + ry * 0.02), (hx + rx * 0.1, hy + ry * 0.02), 3.0, frame, 1.0);
}
