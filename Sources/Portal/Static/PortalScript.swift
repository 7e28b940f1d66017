/// The dashboard's script, served at `/static/portal.js`: applies server-sent updates.
///
/// Each `dashboard` event carries `{"generatedAt": …, "sections": {id: html}}`; the HTML was
/// rendered (and escaped) by the server with the same views as the page, so the script only
/// swaps fragments. `EventSource` reconnects by itself when the connection drops. With
/// `?updates=N` in the page's address the script stops after N updates (a frozen view for
/// screenshots; the browser test uses it so the page's network goes idle).
enum PortalScript {
    static let javaScript = """
        (function () {
          "use strict";
          if (!window.EventSource || !document.body.hasAttribute("data-live")) { return; }
          var status = document.getElementById("live-status");
          function show(text, state) {
            if (status) { status.textContent = text; status.className = "live " + state; }
          }
          var limit = parseInt(new URLSearchParams(window.location.search).get("updates") || "0", 10);
          var received = 0;
          var source = new EventSource("/events");
          source.addEventListener("dashboard", function (event) {
            var update = JSON.parse(event.data);
            Object.keys(update.sections).forEach(function (id) {
              var element = document.getElementById(id);
              if (element) { element.innerHTML = update.sections[id]; }
            });
            show("live · updated " + update.generatedAt, "on");
            received += 1;
            if (limit > 0 && received >= limit) { source.close(); }
          });
          source.onerror = function () { show("reconnecting…", "off"); };
        })();
        """
}
