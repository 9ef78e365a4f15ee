// Sends the CSRF token with every htmx request, and drives the password strength meters.
document.addEventListener('htmx:configRequest', function (event) {
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    if (token && header) {
        event.detail.headers[header.content] = token.content;
    }
});

document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('[data-strength-for]').forEach(function (meter) {
        var input = document.getElementById(meter.dataset.strengthFor);
        var bar = meter.querySelector('.progress-bar');
        var label = document.getElementById(meter.dataset.strengthLabel);
                var contextFields = (meter.dataset.context || '').split(',').filter(Boolean);
        var script = null;
        function ensureZxcvbn(then) {
            if (window.zxcvbn) { then(); return; }
            if (!script) {
                script = document.createElement('script');
                script.src = meter.dataset.zxcvbnSrc;
                document.head.appendChild(script);
            }
            script.addEventListener('load', then);
        }
        function update() {
            ensureZxcvbn(function () {
                var context = contextFields.map(function (id) {
                    var field = document.getElementById(id);
                    return field ? field.value : '';
                }).concat(meter.dataset.product || '');
                var score = input.value ? window.zxcvbn(input.value.substring(0, 100), context).score : 0;
                bar.className = 'progress-bar strength-' + score + (score < 2 ? ' bg-danger' : score < 3 ? ' bg-warning' : ' bg-success');
                meter.setAttribute('aria-valuenow', String(score));
                label.textContent = input.value ? meter.dataset['label' + score] : meter.dataset.labelEmpty;
            });
        }
        input.addEventListener('input', update);
        input.addEventListener('focus', function () { ensureZxcvbn(function () {}); }, { once: true });
    });
});

// "Copy" next to a secret shown once: copies the field named by data-copy and says so on the button.
document.addEventListener('click', function (event) {
    var button = event.target.closest('[data-copy]');
    if (!button) {
        return;
    }
    var field = document.getElementById(button.dataset.copy);
    if (!field) {
        return;
    }
    field.select();
    var done = function () { button.textContent = button.dataset.copied || button.textContent; };
    if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(field.value).then(done);
    } else if (document.execCommand('copy')) {
        done();
    }
});

// The permission picker: under All Permissions or a preset the boxes show what it grants, ticked and disabled;
// Choose Permissions gives the boxes back as they were chosen. Without the script the server still decides from the radio.
document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('[data-permission-picker]').forEach(function (picker) {
        var boxes = picker.querySelectorAll('input[type=checkbox][data-picker-box]');
        function apply() {
            var mode = picker.querySelector('input[type=radio]:checked');
            var granted = !mode ? null : mode.hasAttribute('data-picker-all') ? 'all'
                : mode.hasAttribute('data-picker-preset') ? mode.dataset.pickerPreset.split(' ') : null;
            boxes.forEach(function (box) {
                box.disabled = granted !== null;
                box.checked = granted === null ? box.dataset.chosen === 'true'
                    : granted === 'all' || granted.indexOf(box.value) >= 0;
            });
        }
        boxes.forEach(function (box) {
            box.addEventListener('change', function () { box.dataset.chosen = String(box.checked); });
        });
        picker.querySelectorAll('input[type=radio]').forEach(function (radio) {
            radio.addEventListener('change', apply);
        });
        apply();
    });
});
