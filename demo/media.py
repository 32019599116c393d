"""Short audio, video and captions made on this machine, for the demo content and the tests.

Everything comes from the ffmpeg that the imageio-ffmpeg package carries (the `demo` extra),
so nothing is downloaded and nothing else needs to be installed. Sound is a soft chord that
changes every few seconds, picture a calm colour field with the title and a running clock.
"""

import getpass
import hashlib
import inspect
import json
import os
import subprocess
import tempfile
from pathlib import Path

# ffmpeg's muxer and codec arguments for every format we accept.
AUDIO_FORMATS = {
    "mp3": ("mp3", ["-c:a", "libmp3lame", "-b:a", "64k"]),
    "m4a": ("ipod", ["-c:a", "aac", "-b:a", "64k"]),
    "ogg": ("ogg", ["-c:a", "libopus", "-b:a", "48k"]),
}
VIDEO_FORMATS = {
    "mp4": (
        "mp4",
        ["-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p", "-c:a", "aac"],
    ),
    "webm": ("webm", ["-c:v", "libvpx", "-b:v", "400k", "-c:a", "libopus"]),
}
# Raise when the files these functions make change, so that caches made before are not used.
CACHE_VERSION = 1
# A C major chord, a fifth higher every few seconds: pleasant to hear, easy to recognise.
TONES = (261.63, 329.63, 392.0)


class MediaToolMissing(RuntimeError):
    """imageio-ffmpeg is not installed (pip install -e '.[demo]')."""


def ffmpeg_executable():
    try:
        import imageio_ffmpeg
    except ImportError as error:
        raise MediaToolMissing(
            "Installeer imageio-ffmpeg (pip install -e '.[demo]') voor demo-audio en -video."
        ) from error
    return imageio_ffmpeg.get_ffmpeg_exe()


def _run(arguments, suffix):
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / f"media.{suffix}"
        subprocess.run(  # noqa: S603 - fixed executable, arguments built here
            [ffmpeg_executable(), "-hide_banner", "-loglevel", "error", "-y", *arguments, target],
            check=True,
            capture_output=True,
            timeout=120,
        )
        return target.read_bytes()


def _chord(seconds):
    """A lavfi filter graph for `seconds` of a soft chord, fading in and out."""
    voices = "".join(
        f"sine=frequency={frequency}:sample_rate=48000:duration={seconds}[v{number}];"
        for number, frequency in enumerate(TONES)
    )
    fade_out = max(seconds - 1, 0)
    return (
        f"{voices}[v0][v1][v2]amix=inputs=3,volume=0.6,"
        f"afade=t=in:d=0.5,afade=t=out:st={fade_out}:d=1[out]"
    )


def make_audio(seconds=8, file_format="mp3"):
    """The bytes of an audio file of `seconds` seconds in MP3, M4A or Ogg Opus."""
    muxer, codec = AUDIO_FORMATS[file_format]
    arguments = ["-filter_complex", _chord(seconds), "-map", "[out]", "-ac", "1", *codec]
    return _run([*arguments, "-f", muxer], file_format)


def make_video(seconds=6, file_format="mp4", *, title="Hart voor de Jeugd", colour="0x7a1f3d"):
    """The bytes of a small video (640×360) of `seconds` seconds in MP4 or WebM, with sound."""
    muxer, codec = VIDEO_FORMATS[file_format]
    picture = (
        f"color=c={colour}:s=640x360:r=12:d={seconds},"
        "drawbox=x=40:y=250:w=560:h=6:color=white@0.6:t=fill,"
        f"drawbox=x=40:y=250:w='560*t/{seconds}':h=6:color=white:t=fill"
    )
    arguments = [
        "-f",
        "lavfi",
        "-i",
        picture,
        "-filter_complex",
        _chord(seconds),
        "-map",
        "0:v",
        "-map",
        "[out]",
        "-ac",
        "1",
        *codec,
        "-metadata",
        f"title={title}",
        "-shortest",
    ]
    return _run([*arguments, "-f", muxer], file_format)


def timestamp(seconds):
    """A WebVTT time code: 00:01:23.500."""
    milliseconds = round(seconds * 1000)
    hours, rest = divmod(milliseconds, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    return f"{hours:02}:{minutes:02}:{rest // 1000:02}.{rest % 1000:03}"


def make_captions(passages, *, seconds_each=4):
    """A WebVTT file with one cue per passage, `seconds_each` seconds apart."""
    lines = ["WEBVTT", ""]
    for number, text in enumerate(passages):
        start = number * seconds_each
        lines += [str(number + 1), f"{timestamp(start)} --> {timestamp(start + seconds_each)}"]
        lines += [text, ""]
    return "\n".join(lines).encode()


def cache_folder():
    """Where made files are kept between runs: one folder per user in the temporary folder."""
    return Path(tempfile.gettempdir()) / f"hartvoordejeugd-demo-media-{getpass.getuser()}"


def source_version(function):
    """A short hash of the source file that defines `function`: it changes when the code does."""
    source = Path(inspect.getsourcefile(function)).read_bytes()
    return hashlib.sha256(source).hexdigest()[:12]


def cached(make, *args, **kwargs):
    """The bytes of `make(*args, **kwargs)`, made once per machine and then read from disk.

    `load_demo` runs before every browser test; making its audio and video again each time
    would cost seconds. The key holds the function, the source file that defines it, its
    arguments and CACHE_VERSION, so a change to any of them makes the file again.
    """
    key = json.dumps(
        [make.__module__, make.__qualname__, source_version(make), args, kwargs, CACHE_VERSION],
        sort_keys=True,
    )
    path = cache_folder() / f"{make.__name__}-{hashlib.sha256(key.encode()).hexdigest()[:20]}"
    try:
        return path.read_bytes()
    except FileNotFoundError:
        pass
    content = make(*args, **kwargs)
    path.parent.mkdir(parents=True, exist_ok=True)
    # Written aside and renamed, so that a parallel run never reads half a file.
    partial = path.with_name(f"{path.name}.{os.getpid()}.part")
    partial.write_bytes(content)
    partial.replace(path)
    return content


def media_tools_available():
    """Whether ffmpeg (imageio-ffmpeg) is there to make audio and video."""
    try:
        ffmpeg_executable()
    except MediaToolMissing:
        return False
    return True
