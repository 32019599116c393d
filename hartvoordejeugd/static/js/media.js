/*
 * Hart voor de Jeugd: the audio or video player of a podcast or vlog page and its transcript.
 * - a passage's time link seeks the player there and plays (without JavaScript the link opens
 *   the media file at that moment, a media fragment like #t=83);
 * - ?t=83 or #t=83 in the page address starts the player at 83 seconds (search results
 *   link to the moment a passage is spoken this way);
 * - the passage being played is marked with aria-current.
 */
(function () {
  "use strict";

  var MOMENT = /(?:^|[?&#])t=(?:npt:)?(\d+(?:\.\d+)?)/;

  function momentIn(text) {
    var match = MOMENT.exec(text || "");
    return match ? parseFloat(match[1]) : null;
  }

  function findPlayer() {
    return document.querySelector(
      "[data-media-player], audio.media__audio, video.media__video"
    );
  }

  function seek(player, seconds) {
    if (player.readyState >= 1) {
      player.currentTime = seconds;
      return;
    }
    // Before its metadata is known a player may ignore a new time; set it once it is known.
    player.addEventListener(
      "loadedmetadata",
      function () {
        player.currentTime = seconds;
      },
      { once: true }
    );
  }

  function setUpTimeLinks(player) {
    var links = document.querySelectorAll("[data-seek]");
    Array.prototype.forEach.call(links, function (link) {
      link.addEventListener("click", function (event) {
        var seconds = parseFloat(link.getAttribute("data-seek"));
        if (isNaN(seconds)) {
          return;
        }
        event.preventDefault();
        seek(player, seconds);
        if (player.tagName === "VIDEO") {
          player.scrollIntoView({ block: "nearest" });
        }
        var playing = player.play();
        if (playing && playing.catch) {
          playing.catch(function () {
            // The browser refused to play (no permission); the player stays at the moment.
          });
        }
      });
    });
  }

  function setUpCurrentPassage(player) {
    var passages = Array.prototype.map.call(
      document.querySelectorAll(".transcript__passage[data-start]"),
      function (element) {
        return {
          element: element,
          start: parseFloat(element.getAttribute("data-start")),
          end: parseFloat(element.getAttribute("data-end")),
        };
      }
    );
    if (!passages.length) {
      return;
    }
    var current = null;

    function mark() {
      var time = player.currentTime;
      var found = null;
      for (var i = 0; i < passages.length; i += 1) {
        if (passages[i].start <= time && time < passages[i].end) {
          found = passages[i].element;
          break;
        }
      }
      if (found === current) {
        return;
      }
      if (current) {
        current.removeAttribute("aria-current");
      }
      if (found) {
        found.setAttribute("aria-current", "true");
      }
      current = found;
    }

    player.addEventListener("timeupdate", mark);
    player.addEventListener("seeked", mark);
  }

  function init() {
    var player = findPlayer();
    if (!player) {
      return;
    }
    setUpTimeLinks(player);
    setUpCurrentPassage(player);
    var start = momentIn(window.location.search);
    if (start === null) {
      start = momentIn(window.location.hash);
    }
    if (start !== null) {
      seek(player, start);
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
