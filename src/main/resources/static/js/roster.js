// Sends the CSRF token with every htmx request, and drives the password strength meters.
document.addEventListener('htmx:configRequest', function (event) {
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    if (token && header) {
        event.detail.headers[header.content] = token.content;
    }
});

// zxcvbn is large: loaded once, when a password field is first used.
var zxcvbnScript = null;
function withZxcvbn(src, then) {
    if (window.zxcvbn) { then(); return; }
    if (!zxcvbnScript) {
        zxcvbnScript = document.createElement('script');
        zxcvbnScript.src = src;
        document.head.appendChild(zxcvbnScript);
    }
    zxcvbnScript.addEventListener('load', then);
}

document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('[data-strength-for]').forEach(function (meter) {
        var input = document.getElementById(meter.dataset.strengthFor);
        var bar = meter.querySelector('.progress-bar');
        var label = document.getElementById(meter.dataset.strengthLabel);
        var contextFields = (meter.dataset.context || '').split(',').filter(Boolean);
        function update() {
            withZxcvbn(meter.dataset.zxcvbnSrc, function () {
                var score = input.value ? scoreOf(meter, input.value) : 0;
                bar.className = 'progress-bar strength-' + score + (score < 2 ? ' bg-danger' : score < 3 ? ' bg-warning' : ' bg-success');
                meter.setAttribute('aria-valuenow', String(score));
                label.textContent = input.value ? meter.dataset['label' + score] : meter.dataset.labelEmpty;
            });
        }
        meter.contextWords = function () {
            return contextFields.map(function (id) {
                var field = document.getElementById(id);
                return field ? field.value : '';
            }).concat(meter.dataset.product || '');
        };
        input.addEventListener('input', update);
        input.addEventListener('focus', function () { withZxcvbn(meter.dataset.zxcvbnSrc, function () {}); }, { once: true });
    });
});

function scoreOf(meter, password) {
    return window.zxcvbn(password.substring(0, 100), meter.contextWords()).score;
}

// "Generate" beside a strength meter: 20 characters drawn uniformly (rejection sampling) from 64 unambiguous
// ones with crypto.getRandomValues, about 120 bits; drawn again in the unlikely case zxcvbn scores it below 4.
var PASSWORD_ALPHABET = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789-_.!@#%+';
function randomPassword(length) {
    var out = '';
    var buffer = new Uint8Array(1);
    while (out.length < length) {
        window.crypto.getRandomValues(buffer);
        if (buffer[0] < 256 - (256 % PASSWORD_ALPHABET.length)) {
            out += PASSWORD_ALPHABET.charAt(buffer[0] % PASSWORD_ALPHABET.length);
        }
    }
    return out;
}

document.addEventListener('click', function (event) {
    var button = event.target.closest('[data-generate-for]');
    if (!button) {
        return;
    }
    var input = document.getElementById(button.dataset.generateFor);
    var meter = document.querySelector('[data-strength-for="' + button.dataset.generateFor + '"]');
    if (!input || !meter) {
        return;
    }
    withZxcvbn(meter.dataset.zxcvbnSrc, function () {
        var password = randomPassword(20);
        for (var tries = 0; tries < 10 && scoreOf(meter, password) < 4; tries++) {
            password = randomPassword(20);
        }
        input.type = 'text';
        input.value = password;
        input.dispatchEvent(new Event('input', { bubbles: true }));
        input.focus();
        input.select();
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
