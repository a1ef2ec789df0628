//! Scene layers: what each kind of layer takes, and the dispatch to the
//! code that draws it. Scenes are drawn back to front, one layer at a time.
//!
//! Positions and sizes are fractions of the picture's width (x) and height
//! (y, from the top). Layers share the picture's [`Rng`], so the order of the
//! layers, and of the random draws within each, is part of the picture:
//! reordering them changes the pixels.

mod industry;
mod landscape;
mod sky;
mod street;
mod town;
mod water;

use super::canvas::Canvas;
use super::colour::Colour;
use super::rng::Rng;
use super::trees::Tree;
use super::vehicles::Vehicle;

/// One layer of a scene.
#[derive(Clone, Copy)]
pub(super) enum Layer {
    Sky(Sky),
    Sun(Sun),
    Stars(Stars),
    Clouds(Clouds),
    Hills(Hills),
    Mountains(Mountains),
    Ground(Ground),
    Water(Water),
    Furrows(Furrows),
    Road(Road),
    Pools(Pools),
    Houses(Houses),
    Hillside(Hillside),
    Skyline(Skyline),
    Trees(Trees),
    Boats(Boats),
    Ship(Ship),
    Cranes(Cranes),
    Containers(Containers),
    Turbines(Turbines),
    Panels(Panels),
    Stalls(Stalls),
    People(People),
    Tents(Tents),
    Vehicles(Vehicles),
    Cable(Cable),
    Mast(Mast),
    Screen(Screen),
    Stakes(Stakes),
    Mosaic(Mosaic),
    Rain(Rain),
    Haze(Haze),
    Vignette(Vignette),
}

/// Draws one layer; only the layers that scatter things draw from `rng`.
pub(super) fn draw_layer(cv: &mut Canvas, layer: &Layer, rng: &mut Rng) {
    match layer {
        Layer::Sky(l) => l.draw(cv),
        Layer::Sun(l) => l.draw(cv),
        Layer::Stars(l) => l.draw(cv, rng),
        Layer::Clouds(l) => l.draw(cv, rng),
        Layer::Hills(l) => l.draw(cv, rng),
        Layer::Mountains(l) => l.draw(cv, rng),
        Layer::Ground(l) => l.draw(cv),
        Layer::Water(l) => l.draw(cv, rng),
        Layer::Furrows(l) => l.draw(cv),
        Layer::Road(l) => l.draw(cv, rng),
        Layer::Pools(l) => l.draw(cv, rng),
        Layer::Houses(l) => l.draw(cv, rng),
        Layer::Hillside(l) => l.draw(cv, rng),
        Layer::Skyline(l) => l.draw(cv, rng),
        Layer::Trees(l) => l.draw(cv, rng),
        Layer::Boats(l) => l.draw(cv, rng),
        Layer::Ship(l) => l.draw(cv, rng),
        Layer::Cranes(l) => l.draw(cv),
        Layer::Containers(l) => l.draw(cv, rng),
        Layer::Turbines(l) => l.draw(cv, rng),
        Layer::Panels(l) => l.draw(cv),
        Layer::Stalls(l) => l.draw(cv, rng),
        Layer::People(l) => l.draw(cv, rng),
        Layer::Tents(l) => l.draw(cv, rng),
        Layer::Vehicles(l) => l.draw(cv, rng),
        Layer::Cable(l) => l.draw(cv, rng),
        Layer::Mast(l) => l.draw(cv),
        Layer::Screen(l) => l.draw(cv),
        Layer::Stakes(l) => l.draw(cv, rng),
        Layer::Mosaic(l) => l.draw(cv, rng),
        Layer::Rain(l) => l.draw(cv, rng),
        Layer::Haze(l) => l.draw(cv),
        Layer::Vignette(l) => l.draw(cv),
    }
}

// What each kind of layer takes; the submodules draw them.

/// A vertical gradient over the whole picture.
#[derive(Clone, Copy)]
pub(super) struct Sky {
    pub(super) top: Colour,
    pub(super) bottom: Colour,
}

#[derive(Clone, Copy)]
pub(super) struct Sun {
    pub(super) x: f32,
    pub(super) y: f32,
    pub(super) r: f32,
    pub(super) colour: Colour,
    pub(super) glow: f32,
}

#[derive(Clone, Copy)]
pub(super) struct Stars {
    pub(super) count: u32,
}

#[derive(Clone, Copy)]
pub(super) struct Clouds {
    pub(super) y: f32,
    pub(super) count: u32,
    pub(super) colour: Colour,
    pub(super) alpha: f32,
}

/// A rolling ridge made of summed sines, filled down to the bottom.
#[derive(Clone, Copy)]
pub(super) struct Hills {
    pub(super) base: f32,
    pub(super) amp: f32,
    pub(super) freq: f32,
    pub(super) colour: Colour,
}

/// Sharp peaks; the higher ones carry snow of colour `snow`.
#[derive(Clone, Copy)]
pub(super) struct Mountains {
    pub(super) base: f32,
    pub(super) amp: f32,
    pub(super) peaks: u32,
    pub(super) colour: Colour,
    pub(super) snow: Colour,
}

#[derive(Clone, Copy)]
pub(super) struct Ground {
    pub(super) level: f32,
    pub(super) top: Colour,
    pub(super) bottom: Colour,
}

/// Water from `level` down, with ripples; a `glint` x of 0 or more adds
/// a sun path.
#[derive(Clone, Copy)]
pub(super) struct Water {
    pub(super) level: f32,
    pub(super) top: Colour,
    pub(super) bottom: Colour,
    pub(super) ripple: Colour,
    pub(super) glint: f32,
}

/// Ploughed rows converging on the horizon.
#[derive(Clone, Copy)]
pub(super) struct Furrows {
    pub(super) top: f32,
    pub(super) colour: Colour,
    pub(super) rows: u32,
}

#[derive(Clone, Copy)]
pub(super) struct Road {
    pub(super) horizon: f32,
    pub(super) x: f32,
    pub(super) colour: Colour,
    pub(super) edge: Colour,
}

#[derive(Clone, Copy)]
pub(super) struct Pools {
    pub(super) top: f32,
    pub(super) bottom: f32,
    pub(super) count: u32,
    pub(super) colour: Colour,
}

#[derive(Clone, Copy)]
pub(super) struct Houses {
    pub(super) ground: f32,
    pub(super) x0: f32,
    pub(super) x1: f32,
    pub(super) count: u32,
    pub(super) size: f32,
    pub(super) walls: &'static [Colour],
    pub(super) roof: Colour,
    pub(super) panels: bool,
}

/// Small houses packed on a slope running from (x0, y0) to (x1, y1).
#[derive(Clone, Copy)]
pub(super) struct Hillside {
    pub(super) x0: f32,
    pub(super) y0: f32,
    pub(super) x1: f32,
    pub(super) y1: f32,
    pub(super) depth: f32,
    pub(super) count: u32,
    pub(super) size: f32,
    pub(super) walls: &'static [Colour],
}

#[derive(Clone, Copy)]
pub(super) struct Skyline {
    pub(super) ground: f32,
    pub(super) x0: f32,
    pub(super) x1: f32,
    pub(super) min_h: f32,
    pub(super) max_h: f32,
    pub(super) colour: Colour,
    pub(super) lit: Colour,
    pub(super) lit_share: f32,
}

#[derive(Clone, Copy)]
pub(super) struct Trees {
    pub(super) ground: f32,
    pub(super) x0: f32,
    pub(super) x1: f32,
    pub(super) count: u32,
    pub(super) size: f32,
    pub(super) kind: Tree,
    pub(super) colour: Colour,
}

#[derive(Clone, Copy)]
pub(super) struct Boats {
    pub(super) y0: f32,
    pub(super) y1: f32,
    pub(super) x0: f32,
    pub(super) x1: f32,
    pub(super) count: u32,
    pub(super) size: f32,
    pub(super) hull: Colour,
    pub(super) sail: Option<Colour>,
}

#[derive(Clone, Copy)]
pub(super) struct Ship {
    pub(super) x: f32,
    pub(super) y: f32,
    pub(super) length: f32,
    pub(super) hull: Colour,
    pub(super) cargo: &'static [Colour],
}

#[derive(Clone, Copy)]
pub(super) struct Cranes {
    pub(super) ground: f32,
    pub(super) x0: f32,
    pub(super) x1: f32,
    pub(super) count: u32,
    pub(super) colour: Colour,
}

#[derive(Clone, Copy)]
pub(super) struct Containers {
    pub(super) ground: f32,
    pub(super) x0: f32,
    pub(super) x1: f32,
    pub(super) size: f32,
    pub(super) palette: &'static [Colour],
}

#[derive(Clone, Copy)]
pub(super) struct Turbines {
    pub(super) ground: f32,
    pub(super) x0: f32,
    pub(super) x1: f32,
    pub(super) count: u32,
    pub(super) height: f32,
    pub(super) colour: Colour,
}

/// A ground-mounted solar array in perspective.
#[derive(Clone, Copy)]
pub(super) struct Panels {
    pub(super) top: f32,
    pub(super) bottom: f32,
    pub(super) x0: f32,
    pub(super) x1: f32,
    pub(super) rows: u32,
    pub(super) colour: Colour,
    pub(super) frame: Colour,
}

#[derive(Clone, Copy)]
pub(super) struct Stalls {
    pub(super) ground: f32,
    pub(super) x0: f32,
    pub(super) x1: f32,
    pub(super) count: u32,
    pub(super) canopies: &'static [Colour],
}

#[derive(Clone, Copy)]
pub(super) struct People {
    pub(super) ground: f32,
    pub(super) x0: f32,
    pub(super) x1: f32,
    pub(super) count: u32,
    pub(super) height: f32,
    pub(super) clothes: &'static [Colour],
    pub(super) skin: Colour,
}

#[derive(Clone, Copy)]
pub(super) struct Tents {
    pub(super) ground: f32,
    pub(super) x0: f32,
    pub(super) x1: f32,
    pub(super) count: u32,
    pub(super) size: f32,
    pub(super) colours: &'static [Colour],
}

#[derive(Clone, Copy)]
pub(super) struct Vehicles {
    pub(super) ground: f32,
    pub(super) x0: f32,
    pub(super) x1: f32,
    pub(super) count: u32,
    pub(super) size: f32,
    pub(super) kind: Vehicle,
    pub(super) colours: &'static [Colour],
}

/// A cable-car line sagging from (x0, y0) to (x1, y1).
#[derive(Clone, Copy)]
pub(super) struct Cable {
    pub(super) x0: f32,
    pub(super) y0: f32,
    pub(super) x1: f32,
    pub(super) y1: f32,
    pub(super) cabins: u32,
    pub(super) colour: Colour,
    pub(super) cabin: Colour,
}

#[derive(Clone, Copy)]
pub(super) struct Mast {
    pub(super) x: f32,
    pub(super) ground: f32,
    pub(super) height: f32,
    pub(super) colour: Colour,
}

#[derive(Clone, Copy)]
pub(super) struct Screen {
    pub(super) x0: f32,
    pub(super) y0: f32,
    pub(super) x1: f32,
    pub(super) y1: f32,
    pub(super) light: Colour,
}

/// Rows of stakes in shallow water, as on a seaweed farm.
#[derive(Clone, Copy)]
pub(super) struct Stakes {
    pub(super) top: f32,
    pub(super) bottom: f32,
    pub(super) rows: u32,
    pub(super) colour: Colour,
    pub(super) weed: Colour,
}

#[derive(Clone, Copy)]
pub(super) struct Mosaic {
    pub(super) x0: f32,
    pub(super) y0: f32,
    pub(super) x1: f32,
    pub(super) y1: f32,
    pub(super) tile: f32,
    pub(super) palette: &'static [Colour],
    pub(super) grout: Colour,
    pub(super) missing: f32,
}

#[derive(Clone, Copy)]
pub(super) struct Rain {
    pub(super) count: u32,
    pub(super) colour: Colour,
    pub(super) alpha: f32,
}

/// A coloured veil between `y0` and `y1`, its strength going from `from` to `to`.
#[derive(Clone, Copy)]
pub(super) struct Haze {
    pub(super) y0: f32,
    pub(super) y1: f32,
    pub(super) colour: Colour,
    pub(super) from: f32,
    pub(super) to: f32,
}

#[derive(Clone, Copy)]
pub(super) struct Vignette {
    pub(super) strength: f32,
}
