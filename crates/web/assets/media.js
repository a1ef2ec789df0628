// The media library's upload form, enhanced: drop a file on the form, see a
// progress bar while it uploads, and get each problem next to its field
// without losing what was typed. Without this script the same form posts
// normally and the server answers with a page.
(function () {
  'use strict';
  var form = document.querySelector('form.upload');
  if (!form || !window.FormData || !window.XMLHttpRequest) return;
  var fileInput = form.querySelector('#file');
  var zone = form.querySelector('.dropzone');
  var dropHint = form.querySelector('.dropzone__hint');
  var progressBox = form.querySelector('.upload__progress');
  var progress = form.querySelector('progress');
  var percent = form.querySelector('.upload__percent');
  var summary = document.getElementById('upload-errors');
  var button = form.querySelector('button[type=submit]');
  var maxBytes = Number(form.dataset.maxBytes);

  if (dropHint) dropHint.hidden = false;
  ['dragenter', 'dragover'].forEach(function (type) {
    zone.addEventListener(type, function (e) {
      e.preventDefault();
      zone.classList.add('dropzone--over');
    });
  });
  ['dragleave', 'drop'].forEach(function (type) {
    zone.addEventListener(type, function () { zone.classList.remove('dropzone--over'); });
  });
  zone.addEventListener('drop', function (e) {
    e.preventDefault();
    if (e.dataTransfer && e.dataTransfer.files.length) {
      fileInput.files = e.dataTransfer.files;
      fileInput.dispatchEvent(new Event('change', { bubbles: true }));
    }
  });

  function clearProblems() {
    form.querySelectorAll('.field__error').forEach(function (el) { el.remove(); });
    form.querySelectorAll('[aria-invalid]').forEach(function (el) {
      el.removeAttribute('aria-invalid');
      var ids = (el.getAttribute('aria-describedby') || '').split(' ').filter(function (id) {
        return id && !/-error$/.test(id);
      });
      el.setAttribute('aria-describedby', ids.join(' '));
    });
    summary.hidden = true;
    summary.textContent = '';
  }

  // problems: { field: [message, …] } (in no particular order)
  function showProblems(problems, intro) {
    clearProblems();
    Object.keys(problems).forEach(function (name) {
      var input = form.querySelector('[name="' + name + '"]');
      if (!input) return;
      var error = document.createElement('span');
      error.className = 'field__error';
      error.id = name + '-error';
      error.textContent = problems[name].join(' ');
      input.parentNode.appendChild(error);
      input.setAttribute('aria-invalid', 'true');
      input.setAttribute('aria-describedby', ((input.getAttribute('aria-describedby') || '') + ' ' + error.id).trim());
    });
    // Focus goes to the first field with a problem in the form's order.
    var first = form.querySelector('[aria-invalid="true"]');
    var p = document.createElement('p');
    p.textContent = intro || form.dataset.notUploaded;
    summary.appendChild(p);
    summary.hidden = false;
    if (first) first.focus();
  }

  form.addEventListener('submit', function (e) {
    e.preventDefault();
    var file = fileInput.files[0];
    if (file && file.size > maxBytes) {
      showProblems({ file: [form.dataset.tooLarge] });
      return;
    }
    clearProblems();
    var xhr = new XMLHttpRequest();
    xhr.open('POST', form.action);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.addEventListener('progress', function (ev) {
      if (!ev.lengthComputable) return;
      var done = Math.round((ev.loaded / ev.total) * 100);
      progress.value = done;
      percent.textContent = done + '%';
    });
    xhr.addEventListener('load', function () {
      button.disabled = false;
      var answer = null;
      try { answer = JSON.parse(xhr.responseText); } catch (err) { answer = null; }
      if (xhr.status === 201 && answer && answer.library) {
        window.location.assign(answer.library);
      } else if (answer && answer.problems) {
        progressBox.hidden = true;
        showProblems(answer.problems);
      } else {
        // Signed out, refused, or an error page: let the server's own page explain.
        progressBox.hidden = true;
        showProblems({ file: [form.dataset.failed] });
      }
    });
    xhr.addEventListener('error', function () {
      button.disabled = false;
      progressBox.hidden = true;
      showProblems({ file: [form.dataset.failed] });
    });
    progress.value = 0;
    percent.textContent = '0%';
    progressBox.hidden = false;
    button.disabled = true;
    xhr.send(new FormData(form));
  });
})();
