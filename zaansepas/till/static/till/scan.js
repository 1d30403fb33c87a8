// Camera scanning on the till page: an enhancement of the form with the text field #code.
//
// Staff press "Scan met camera"; the rear camera opens in a <video>; the first QR code of the
// Zaanse Pas that it sees goes into #code and the form is sent, exactly as if it was typed.
// Without JavaScript, a camera API or WebAssembly the button never shows; when the camera is
// refused or missing a message says to type the number. The form always works.
//
// The decoder is the vendored barcode-detector ponyfill (the web-standard BarcodeDetector API
// on zxing-wasm), loaded only when the button is pressed. Its .wasm comes from our static
// files: the library's default address is a CDN, which we never use.
//
// Texts and file addresses come from data- attributes on #zp-camera (till/includes/camera.html),
// so they are translated and versioned by Django like the rest of the page.

const root = document.getElementById("zp-camera");
const input = document.getElementById("code");
const form = input ? input.form : null;

// Codes of the Zaanse Pas: ZPQ: (QR on a phone), ZPK: (printed card), ZPT: (ticket), and
// whatever ZP?: comes next. A pass number in a QR is accepted too.
const OUR_CODE = /^ZP[A-Z]:[A-Z0-9:-]+$/;
const PASS_NUMBER = /^[0-9][0-9 .-]{8,14}$/;
const SCAN_EVERY_MS = 120;
const TOO_MANY_FAILED_FRAMES = 10;
const CAMERA = {
  audio: false,
  video: {
    facingMode: { ideal: "environment" }, // the rear camera; a laptop's only camera is fine too
    width: { ideal: 1280 },
    height: { ideal: 720 },
  },
};

function supported() {
  return Boolean(
    navigator.mediaDevices &&
      typeof navigator.mediaDevices.getUserMedia === "function" &&
      typeof WebAssembly === "object",
  );
}

if (root && form && supported()) {
  setUp();
}

function setUp() {
  const startButton = root.querySelector("[data-camera-start]");
  const stopButton = root.querySelector("[data-camera-stop]");
  const view = root.querySelector("[data-camera-view]");
  const video = root.querySelector("video");
  const status = root.querySelector("[data-camera-status]");
  const wasmUrl = new URL(root.dataset.wasm, document.baseURI).href;

  let session = 0; // bumped on every start and stop: a late answer of an old start is ignored
  let stream = null;
  let timer = 0;
  let detectorPromise = null;
  let lastForeign = "";

  function say(textKey, problem = false) {
    status.textContent = textKey ? root.dataset[textKey] || "" : "";
    status.classList.toggle("zp-camera__status--problem", problem);
  }

  function loadDetector() {
    if (detectorPromise === null) {
      detectorPromise = import(root.dataset.scanner).then(async (scanner) => {
        await scanner.prepareZXingModule({
          overrides: {
            locateFile: (path, prefix) => (path.endsWith(".wasm") ? wasmUrl : prefix + path),
          },
          fireImmediately: true,
        });
        return new scanner.BarcodeDetector({ formats: ["qr_code"] });
      });
      // A failed load (no network for a moment) is tried again at the next press.
      detectorPromise.catch(() => {
        detectorPromise = null;
      });
    }
    return detectorPromise;
  }

  function stopCamera() {
    session += 1;
    window.clearTimeout(timer);
    if (stream !== null) {
      stream.getTracks().forEach((track) => track.stop());
      stream = null;
    }
    video.pause();
    video.srcObject = null;
  }

  function showIdle() {
    view.hidden = true;
    startButton.hidden = false;
  }

  function fail(textKey) {
    const hadFocus = root.contains(document.activeElement);
    stopCamera();
    showIdle();
    say(textKey, true);
    if (hadFocus) {
      input.focus(); // the way on: type the number
    }
  }

  function problemWith(error) {
    switch (error && error.name) {
      case "NotAllowedError":
      case "SecurityError":
        return "textDenied";
      case "NotFoundError":
      case "OverconstrainedError":
        return "textNoCamera";
      case "NotReadableError":
      case "AbortError":
        return "textBusy";
      default:
        return "textFailed";
    }
  }

  function accept(value) {
    stopCamera();
    input.value = value;
    say("textFound");
    view.hidden = true; // the start button stays hidden while the page is sent
    if (typeof form.requestSubmit === "function") {
      form.requestSubmit();
    } else {
      form.submit();
    }
  }

  async function scan(mine, detector, failedFrames) {
    if (mine !== session) {
      return;
    }
    if (video.readyState >= video.HAVE_CURRENT_DATA) {
      let codes = [];
      try {
        codes = await detector.detect(video);
        failedFrames = 0;
      } catch {
        failedFrames += 1;
        if (failedFrames >= TOO_MANY_FAILED_FRAMES) {
          fail("textNoScanner");
          return;
        }
      }
      if (mine !== session) {
        return;
      }
      for (const code of codes) {
        const value = (code.rawValue || "").trim();
        if (OUR_CODE.test(value.toUpperCase()) || PASS_NUMBER.test(value)) {
          accept(value);
          return;
        }
        if (value !== lastForeign) {
          lastForeign = value; // say it once, not ten times a second
          say("textForeign", true);
        }
      }
    }
    timer = window.setTimeout(() => scan(mine, detector, failedFrames), SCAN_EVERY_MS);
  }

  async function start() {
    stopCamera();
    const mine = session;
    lastForeign = "";
    startButton.hidden = true;
    view.hidden = false;
    stopButton.focus();
    say("textStarting");

    const detecting = loadDetector(); // fetches the decoder while the camera starts
    let media;
    try {
      media = await navigator.mediaDevices.getUserMedia(CAMERA);
    } catch (error) {
      if (mine === session) {
        fail(problemWith(error));
      }
      return;
    }
    if (mine !== session) {
      media.getTracks().forEach((track) => track.stop()); // stopped while we waited
      return;
    }
    stream = media;
    video.srcObject = media;
    try {
      await video.play();
    } catch {
      // muted + playsinline may play without a gesture; the frames still arrive for detect()
    }

    let detector;
    try {
      detector = await detecting;
    } catch {
      if (mine === session) {
        fail("textNoScanner");
      }
      return;
    }
    if (mine !== session) {
      return;
    }
    say("textScanning");
    scan(mine, detector, 0);
  }

  function stop() {
    stopCamera();
    showIdle();
    say("textStopped");
    startButton.focus();
  }

  startButton.addEventListener("click", start);
  stopButton.addEventListener("click", stop);

  // Never leave the camera on: not when the page is left, nor when the phone is locked or
  // another app comes to the front.
  window.addEventListener("pagehide", stopCamera);
  document.addEventListener("visibilitychange", () => {
    if (document.hidden && !view.hidden) {
      stopCamera();
      showIdle();
      say("textStopped");
    }
  });
  // Back to this page from the browser's cache: start again from the button.
  window.addEventListener("pageshow", (event) => {
    if (event.persisted) {
      stopCamera();
      showIdle();
      say("");
    }
  });

  startButton.hidden = false;
}
