// What a refused form says, tied to what it concerns: each error message of the page (an alert
// in main) gets an id; the field it names (data-field, looked up in the form named by data-form,
// in the form around the message, or in the first form after it that has such a field) and the
// fields the page already marked invalid are marked aria-invalid and described by the message.
// The focus then moves to the first message, so that a keyboard or screen reader user starts
// from why the form was refused.
(function () {
  'use strict';
  function following(alert) {
    return Array.prototype.filter.call(document.querySelectorAll('main form'), function (form) {
      return (alert.compareDocumentPosition(form) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
    });
  }
  function relatedForm(alert, name) {
    var named = alert.getAttribute('data-form');
    if (named && document.getElementById(named)) {
      return document.getElementById(named);
    }
    if (alert.closest('form')) {
      return alert.closest('form');
    }
    var after = following(alert);
    if (name) {
      for (var i = 0; i < after.length; i++) {
        if (after[i].elements.namedItem(name)) {
          return after[i];
        }
      }
    }
    return after.length > 0 && after[0].method === 'post' ? after[0] : null;
  }
  function fieldsNamed(form, name) {
    var found = name ? form.elements.namedItem(name) : null;
    if (!found) {
      return [];
    }
    return typeof found.length === 'number' && !found.tagName ? Array.prototype.slice.call(found) : [found];
  }
  function describe(field, alert) {
    field.setAttribute('aria-invalid', 'true');
    field.classList.add('is-invalid');
    var ids = (field.getAttribute('aria-describedby') || '').split(/\s+/).filter(Boolean);
    if (ids.indexOf(alert.id) < 0) {
      ids.unshift(alert.id);
      field.setAttribute('aria-describedby', ids.join(' '));
    }
  }
  function init() {
    var alerts = document.querySelectorAll('main .alert-danger[role=alert]');
    Array.prototype.forEach.call(alerts, function (alert, index) {
      if (!alert.id) {
        alert.id = 'form-error-' + (index + 1);
      }
      var name = alert.getAttribute('data-field');
      var form = relatedForm(alert, name);
      if (!form) {
        return;
      }
      var fields = fieldsNamed(form, name).concat(
        Array.prototype.slice.call(form.querySelectorAll('.is-invalid, [aria-invalid=true]')));
      fields.forEach(function (field) {
        describe(field, alert);
      });
    });
    if (alerts.length > 0) {
      alerts[0].setAttribute('tabindex', '-1');
      alerts[0].focus();
    }
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
})();
