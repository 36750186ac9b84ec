// The partners' map: nothing is fetched from OpenStreetMap until the visitor presses the
// button. Leaflet itself comes from our own static files. The markers are read from the
// list of partners on the page, so the map shows exactly what the list says.

const section = document.querySelector("[data-partner-map]");

function loadStylesheet(href) {
  return new Promise((resolve, reject) => {
    const link = document.createElement("link");
    link.rel = "stylesheet";
    link.href = href;
    link.addEventListener("load", resolve, { once: true });
    link.addEventListener("error", reject, { once: true });
    document.head.append(link);
  });
}

function readPoints() {
  return Array.from(document.querySelectorAll("[data-map-point]")).map((item) => ({
    lat: Number.parseFloat(item.dataset.lat),
    lng: Number.parseFloat(item.dataset.lng),
    link: item.querySelector("a"),
    meta: item.querySelector(".meta"),
  }));
}

function popupContent(point) {
  const wrapper = document.createElement("div");
  const link = point.link.cloneNode(true);
  wrapper.append(link);
  if (point.meta) {
    const meta = document.createElement("div");
    meta.textContent = point.meta.textContent.trim();
    wrapper.append(meta);
  }
  return wrapper;
}

async function showMap(button, canvas, status) {
  button.disabled = true;
  status.textContent = "";
  try {
    const [L] = await Promise.all([
      import(section.dataset.leafletJs),
      loadStylesheet(section.dataset.leafletCss),
    ]);
    canvas.hidden = false;
    const map = L.map(canvas, { scrollWheelZoom: false });
    const attribution = document.createElement("a");
    attribution.href = section.dataset.attributionUrl;
    attribution.textContent = section.dataset.attribution;
    L.tileLayer(section.dataset.tiles, {
      maxZoom: 18,
      attribution: attribution.outerHTML,
      // OpenStreetMap asks for the referring site; send the origin only, not the page.
      referrerPolicy: "strict-origin-when-cross-origin",
    }).addTo(map);
    const points = readPoints().filter((p) => Number.isFinite(p.lat) && Number.isFinite(p.lng));
    const markers = points.map((point) =>
      L.circleMarker([point.lat, point.lng], {
        radius: 8,
        color: "#083a50",
        weight: 2,
        fillColor: "#0b4f6c",
        fillOpacity: 0.8,
      })
        .bindPopup(popupContent(point))
        .bindTooltip(point.link.textContent.trim()),
    );
    const group = L.featureGroup(markers).addTo(map);
    map.fitBounds(group.getBounds(), { padding: [30, 30], maxZoom: 8 });
    canvas.setAttribute("role", "region");
    canvas.setAttribute("aria-label", section.dataset.mapLabel);
    button.hidden = true;
    // The button is gone; keyboard users continue on the map, which Leaflet makes focusable.
    canvas.focus();
  } catch (error) {
    button.disabled = false;
    status.textContent = section.dataset.errorText || "";
  }
}

if (section) {
  const button = section.querySelector("[data-map-button]");
  const canvas = section.querySelector("[data-map-canvas]");
  const status = section.querySelector("[data-map-status]");
  section.hidden = false;
  button.addEventListener("click", () => showMap(button, canvas, status));
}
