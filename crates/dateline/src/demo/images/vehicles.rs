//! Road vehicles, drawn side-on with their wheels on the ground.

use super::canvas::Canvas;
use super::colour::{Colour, shade};
use super::rng::Rng;

#[derive(Clone, Copy)]
pub(super) enum Vehicle {
    Truck,
    Car,
    Motorbike,
    Bus,
}

const TYRE: Colour = [24, 24, 26];
const HUB: Colour = [150, 150, 154];
const GLASS: Colour = [150, 176, 196];

/// Draws a vehicle from `x` rightwards with its wheels on `gy`; `s` is a car's length.
pub(super) fn draw_vehicle(cv: &mut Canvas, rng: &mut Rng, (x, gy, s): (f32, f32, f32), kind: Vehicle, body: Colour) {
    match kind {
        Vehicle::Truck => draw_truck(cv, (x, gy, s), body),
        Vehicle::Car => draw_car(cv, (x, gy, s), body),
        Vehicle::Bus => draw_bus(cv, (x, gy, s), body),
        Vehicle::Motorbike => draw_motorbike(cv, rng, (x, gy, s), body),
    }
}

/// A wheel of radius `r` at `wx`, resting on `gy`.
fn wheel(cv: &mut Canvas, wx: f32, gy: f32, r: f32) {
    cv.circle(wx, gy - r, r, TYRE, 1.0);
    cv.circle(wx, gy - r, r * 0.45, HUB, 1.0);
}

fn draw_truck(cv: &mut Canvas, (x, gy, s): (f32, f32, f32), body: Colour) {
    let (len, tall) = (s, s * 0.5);
    cv.rect(x, gy - tall, x + len * 0.68, gy - tall * 0.2, shade(body, 0.9), 1.0);
    cv.rect(x + len * 0.7, gy - tall * 0.75, x + len, gy - tall * 0.2, body, 1.0);
    cv.rect(x + len * 0.76, gy - tall * 0.68, x + len * 0.95, gy - tall * 0.45, GLASS, 1.0);
    wheel(cv, x + len * 0.15, gy, tall * 0.2);
    wheel(cv, x + len * 0.5, gy, tall * 0.2);
    wheel(cv, x + len * 0.85, gy, tall * 0.2);
}

fn draw_car(cv: &mut Canvas, (x, gy, s): (f32, f32, f32), body: Colour) {
    let (len, tall) = (s, s * 0.36);
    cv.poly(
        &[
            (x + len * 0.2, gy - tall * 0.6),
            (x + len * 0.32, gy - tall),
            (x + len * 0.68, gy - tall),
            (x + len * 0.82, gy - tall * 0.6),
        ],
        body,
        1.0,
    );
    cv.poly(
        &[
            (x + len * 0.27, gy - tall * 0.62),
            (x + len * 0.35, gy - tall * 0.9),
            (x + len * 0.65, gy - tall * 0.9),
            (x + len * 0.75, gy - tall * 0.62),
        ],
        GLASS,
        0.9,
    );
    cv.rect(x, gy - tall * 0.62, x + len, gy - tall * 0.2, body, 1.0);
    cv.rect(x, gy - tall * 0.34, x + len, gy - tall * 0.28, shade(body, 0.7), 1.0);
    wheel(cv, x + len * 0.2, gy, tall * 0.22);
    wheel(cv, x + len * 0.8, gy, tall * 0.22);
}

fn draw_bus(cv: &mut Canvas, (x, gy, s): (f32, f32, f32), body: Colour) {
    let (len, tall) = (s * 1.6, s * 0.5);
    cv.rect(x, gy - tall, x + len, gy - tall * 0.15, body, 1.0);
    let mut wx = x + len * 0.04;
    while wx < x + len * 0.94 {
        cv.rect(wx, gy - tall * 0.88, wx + len * 0.07, gy - tall * 0.55, [250, 220, 160], 0.85);
        wx += len * 0.09;
    }
    wheel(cv, x + len * 0.15, gy, tall * 0.16);
    wheel(cv, x + len * 0.82, gy, tall * 0.16);
}

fn draw_motorbike(cv: &mut Canvas, rng: &mut Rng, (x, gy, s): (f32, f32, f32), body: Colour) {
    let r = s * 0.17;
    let (back, front) = (x + r, x + s - r);
    cv.poly(&[(back, gy - r), (x + s * 0.35, gy - r * 2.2), (x + s * 0.7, gy - r * 2.0), (front, gy - r)], body, 1.0);
    cv.rect(x + s * 0.45, gy - r * 2.0, x + s * 0.72, gy - r * 1.2, [40, 150, 110], 1.0);
    wheel(cv, back, gy, r);
    wheel(cv, front, gy, r);
    let rider = [26, 26, 30];
    let seat = (x + s * 0.38, gy - r * 2.3);
    cv.line(seat, (x + s * 0.44, gy - s * 0.85), s * 0.14, rider, 1.0);
    cv.line((x + s * 0.47, gy - s * 0.75), (x + s * 0.76, gy - r * 2.6), s * 0.05, rider, 1.0);
    cv.circle(
        x + s * 0.47,
        gy - s * 0.95,
        s * 0.09,
        rng.pick(&[[200, 40, 40], [240, 240, 240], [40, 80, 160], [30, 30, 30]]),
        1.0,
    );
}
