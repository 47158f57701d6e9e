// Opens the app's IndexedDB database as soon as the page starts, while the app's JavaScript is still being
// loaded and run (bench 4a: on a cold start the browser took 100–180 ms at CPU 4× to open the database, and the
// app only asked for it once all its modules had run). Dexie's own open then finds the database ready. It
// creates nothing (a first start has no database yet: the upgrade is aborted and Dexie makes it), and the
// connection is closed when another one needs a new version or the database deleted, or after 10 s.
(function () {
  try {
    var request = indexedDB.open('dangol');
    request.onupgradeneeded = function () {
      request.transaction.abort();
    };
    request.onsuccess = function () {
      var db = request.result;
      db.onversionchange = function () {
        db.close();
      };
      setTimeout(function () {
        db.close();
      }, 10000);
    };
    request.onerror = function (event) {
      event.preventDefault();
    };
  } catch {
    // No IndexedDB (private mode in some browsers): the app reports it itself.
  }
})();
