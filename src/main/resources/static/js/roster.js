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
