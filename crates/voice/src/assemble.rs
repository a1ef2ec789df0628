//! Joining sentence audio into one narration: natural pauses between
//! sentences (longer after paragraphs and headings), one WebVTT cue per
//! sentence placed to the sample, and the MP3 every browser plays.

use std::fmt::Write;

use mp3lame_encoder::{Bitrate, Builder, FlushNoGap, MonoPcm, Quality};

use crate::engine::{Audio, VoiceError};

/// What follows a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pause {
    Sentence,
    Paragraph,
    Heading,
}

impl Pause {
    pub fn millis(self) -> u32 {
        match self {
            Pause::Sentence => 300,
            Pause::Paragraph => 700,
            Pause::Heading => 900,
        }
    }
}

/// Where one sentence sits in the joined audio, in samples.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

/// Builds the narration sentence by sentence, encoding as it goes, so only
/// one sentence's samples are in memory however long the article is.
pub struct Assembler {
    sample_rate: u32,
    encoder: mp3lame_encoder::Encoder,
    mp3: Vec<u8>,
    position: usize,
    pending_pause: Option<Pause>,
    spans: Vec<Span>,
}

/// The finished narration.
#[derive(Debug, Clone, PartialEq)]
pub struct Assembled {
    pub mp3: Vec<u8>,
    pub sample_rate: u32,
    /// Length in samples.
    pub length: usize,
    pub spans: Vec<Span>,
}

impl Assembled {
    pub fn duration_ms(&self) -> u64 {
        self.length as u64 * 1000 / self.sample_rate as u64
    }
}

fn mp3_error(what: &str, e: &dyn std::fmt::Debug) -> VoiceError {
    VoiceError::Synthesis(format!("MP3 {what}: {e:?}"))
}

impl Assembler {
    /// A constant 48 kbps mono MP3 at the voice's own sample rate.
    ///
    /// No LAME/Xing tag: this LAME build does not produce one for these
    /// settings, and all it would add is the encoder delay (about 50 ms at
    /// 22 kHz), far below what sentence highlighting can show. Constant bit
    /// rate lets players compute the duration from the file size.
    pub fn new(sample_rate: u32) -> Result<Self, VoiceError> {
        let mut builder = Builder::new().ok_or_else(|| VoiceError::Synthesis("MP3 encoder unavailable".into()))?;
        builder.set_num_channels(1).map_err(|e| mp3_error("channels", &e))?;
        builder.set_sample_rate(sample_rate).map_err(|e| mp3_error("sample rate", &e))?;
        builder.set_brate(Bitrate::Kbps48).map_err(|e| mp3_error("bitrate", &e))?;
        builder.set_quality(Quality::Good).map_err(|e| mp3_error("quality", &e))?;
        builder.set_to_write_vbr_tag(false).map_err(|e| mp3_error("tag", &e))?;
        let encoder = builder.build().map_err(|e| mp3_error("setup", &e))?;
        Ok(Self { sample_rate, encoder, mp3: Vec::new(), position: 0, pending_pause: None, spans: Vec::new() })
    }

    fn encode(&mut self, samples: &[f32]) -> Result<(), VoiceError> {
        // LAME's output buffer is sized per call: feed it in bounded chunks.
        for chunk in samples.chunks(1 << 16) {
            self.mp3.reserve(mp3lame_encoder::max_required_buffer_size(chunk.len()));
            self.encoder.encode_to_vec(MonoPcm(chunk), &mut self.mp3).map_err(|e| mp3_error("encoding", &e))?;
        }
        self.position += samples.len();
        Ok(())
    }

    /// Adds a sentence; `pause_after` is inserted only if another sentence follows.
    pub fn add(&mut self, audio: &Audio, pause_after: Pause) -> Result<Span, VoiceError> {
        if audio.sample_rate != self.sample_rate {
            return Err(VoiceError::Synthesis(format!(
                "segments disagree on sample rate ({} and {} Hz)",
                self.sample_rate, audio.sample_rate
            )));
        }
        if let Some(pause) = self.pending_pause.take() {
            let silence = vec![0.0; silence_len(self.sample_rate, pause)];
            self.encode(&silence)?;
        }
        let start = self.position;
        self.encode(&audio.samples)?;
        let span = Span { start, end: self.position };
        self.spans.push(span);
        self.pending_pause = Some(pause_after);
        Ok(span)
    }

    pub fn finish(mut self) -> Result<Assembled, VoiceError> {
        self.mp3.reserve(8192);
        self.encoder.flush_to_vec::<FlushNoGap>(&mut self.mp3).map_err(|e| mp3_error("flush", &e))?;
        Ok(Assembled { mp3: self.mp3, sample_rate: self.sample_rate, length: self.position, spans: self.spans })
    }
}

fn silence_len(sample_rate: u32, pause: Pause) -> usize {
    (sample_rate as u64 * pause.millis() as u64 / 1000) as usize
}

/// One WebVTT cue per sentence: id, times (to the millisecond, from sample
/// positions) and the sentence as it appears on the page.
pub fn webvtt(sample_rate: u32, cues: &[(Span, &str, &str)]) -> String {
    let time = |samples: usize| {
        let ms = (samples as u64 * 1000 + sample_rate as u64 / 2) / sample_rate as u64;
        format!("{:02}:{:02}:{:02}.{:03}", ms / 3_600_000, ms / 60_000 % 60, ms / 1000 % 60, ms % 1000)
    };
    let mut vtt = String::from("WEBVTT\n");
    for (span, id, text) in cues {
        // Cue text is markup in WebVTT: escape it; "-->" and line breaks may not appear.
        let text =
            text.replace("-->", "→").replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('\n', " ");
        let _ = write!(vtt, "\n{id}\n{} --> {}\n{text}\n", time(span.start), time(span.end));
    }
    vtt
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tone(seconds: f32) -> Audio {
        let n = (22_050.0 * seconds) as usize;
        Audio { sample_rate: 22_050, samples: (0..n).map(|i| (i as f32 * 0.05).sin() * 0.3).collect() }
    }

    #[test]
    fn joins_with_pauses_and_places_spans_to_the_sample() {
        let mut a = Assembler::new(22_050).unwrap();
        a.add(&tone(1.0), Pause::Sentence).unwrap();
        a.add(&tone(0.5), Pause::Paragraph).unwrap();
        a.add(&tone(0.25), Pause::Heading).unwrap();
        let done = a.finish().unwrap();
        assert_eq!(done.spans[0], Span { start: 0, end: 22_050 });
        assert_eq!(done.spans[1].start, 22_050 + 6_615);
        assert_eq!(done.spans[2].start, done.spans[1].end + 15_435);
        assert_eq!(done.length, done.spans[2].end, "no pause after the last sentence");
        assert_eq!(done.duration_ms(), (done.length as u64 * 1000) / 22_050);
    }

    #[test]
    fn refuses_mixed_sample_rates() {
        let mut a = Assembler::new(22_050).unwrap();
        let odd = Audio { sample_rate: 16_000, samples: vec![0.0; 10] };
        assert!(a.add(&odd, Pause::Sentence).is_err());
    }

    #[test]
    fn encodes_an_mp3_of_the_right_size() {
        let mut a = Assembler::new(22_050).unwrap();
        a.add(&tone(10.0), Pause::Sentence).unwrap();
        let mp3 = a.finish().unwrap().mp3;
        // 48 kbps for 10 s is 60 kB; allow for frame rounding and the flush.
        assert!((55_000..66_000).contains(&mp3.len()), "{} bytes", mp3.len());
        // MPEG-2 layer III, 48 kbps, 22,050 Hz: the header every frame starts with.
        assert_eq!(&mp3[..3], &[0xFF, 0xF3, 0x60]);
    }

    #[test]
    fn writes_webvtt_cues() {
        let vtt = webvtt(
            22_050,
            &[
                (Span { start: 0, end: 22_050 }, "s1", "First --> one & 3 < 5."),
                (Span { start: 30_000, end: 1_600_000 }, "s2", "Second."),
            ],
        );
        assert_eq!(
            vtt,
            "WEBVTT\n\ns1\n00:00:00.000 --> 00:00:01.000\nFirst → one &amp; 3 &lt; 5.\n\ns2\n00:00:01.361 --> 00:01:12.562\nSecond.\n"
        );
    }
}
