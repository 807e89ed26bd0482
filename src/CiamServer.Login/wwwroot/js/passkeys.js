// Passkeys on the hosted pages: sign in (a button, and autofill through conditional mediation) and add a
// passkey. A static file because the CSP allows no inline script. Everything stays hidden unless the browser
// has WebAuthn, so pages work the same without it (progressive enhancement).
(function () {
    "use strict";

    // Both partials include this file; a page with both runs it once.
    if (window.ciamPasskeys) {
        return;
    }
    window.ciamPasskeys = true;

    var GENERIC_ERROR = "Something went wrong. Try again.";

    function supported() {
        return typeof window.PublicKeyCredential === "function" && !!navigator.credentials &&
            typeof navigator.credentials.get === "function" && window.isSecureContext;
    }

    // --- base64url <-> ArrayBuffer, for browsers without parse*FromJSON / toJSON -------------------------

    function toBase64Url(buffer) {
        var bytes = new Uint8Array(buffer);
        var text = "";
        for (var i = 0; i < bytes.length; i++) {
            text += String.fromCharCode(bytes[i]);
        }
        return btoa(text).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
    }

    function fromBase64Url(value) {
        var base64 = value.replace(/-/g, "+").replace(/_/g, "/");
        while (base64.length % 4) {
            base64 += "=";
        }
        var text = atob(base64);
        var bytes = new Uint8Array(text.length);
        for (var i = 0; i < text.length; i++) {
            bytes[i] = text.charCodeAt(i);
        }
        return bytes.buffer;
    }

    // WebIDL turns a null enum or list member into a TypeError: drop nulls the server wrote.
    function withoutNulls(value) {
        if (Array.isArray(value)) {
            return value.map(withoutNulls);
        }
        if (value && typeof value === "object") {
            var copy = {};
            Object.keys(value).forEach(function (key) {
                if (value[key] !== null && value[key] !== undefined) {
                    copy[key] = withoutNulls(value[key]);
                }
            });
            return copy;
        }
        return value;
    }

    function descriptors(list) {
        return (list || []).map(function (d) {
            return Object.assign({}, d, { id: fromBase64Url(d.id) });
        });
    }

    function creationOptions(json) {
        json = withoutNulls(json);
        if (typeof PublicKeyCredential.parseCreationOptionsFromJSON === "function") {
            return PublicKeyCredential.parseCreationOptionsFromJSON(json);
        }
        return Object.assign({}, json, {
            challenge: fromBase64Url(json.challenge),
            user: Object.assign({}, json.user, { id: fromBase64Url(json.user.id) }),
            excludeCredentials: descriptors(json.excludeCredentials)
        });
    }

    function requestOptions(json) {
        json = withoutNulls(json);
        if (typeof PublicKeyCredential.parseRequestOptionsFromJSON === "function") {
            return PublicKeyCredential.parseRequestOptionsFromJSON(json);
        }
        return Object.assign({}, json, {
            challenge: fromBase64Url(json.challenge),
            allowCredentials: descriptors(json.allowCredentials)
        });
    }

    function credentialToJson(credential) {
        if (typeof credential.toJSON === "function") {
            try {
                return credential.toJSON();
            } catch (e) {
                // Fall through to the manual form.
            }
        }
        var response = credential.response;
        var json = {
            id: credential.id,
            rawId: toBase64Url(credential.rawId),
            type: credential.type,
            clientExtensionResults: typeof credential.getClientExtensionResults === "function" ? credential.getClientExtensionResults() : {},
            response: { clientDataJSON: toBase64Url(response.clientDataJSON) }
        };
        if (response.attestationObject) {
            json.response.attestationObject = toBase64Url(response.attestationObject);
            json.response.transports = typeof response.getTransports === "function" ? response.getTransports() : [];
        }
        if (response.authenticatorData) {
            json.response.authenticatorData = toBase64Url(response.authenticatorData);
            json.response.signature = toBase64Url(response.signature);
            if (response.userHandle) {
                json.response.userHandle = toBase64Url(response.userHandle);
            }
        }
        return json;
    }

    // --- talking to the server: url-encoded form posts carrying the antiforgery token ---------------------

    function ServerError(message, signInUrl) {
        this.message = message;
        this.signInUrl = signInUrl;
    }

    function post(root, url, fields) {
        var body = new URLSearchParams();
        body.append("__RequestVerificationToken", root.querySelector("input[name=__RequestVerificationToken]").value);
        Object.keys(fields).forEach(function (key) {
            if (fields[key] !== null && fields[key] !== undefined) {
                body.append(key, fields[key]);
            }
        });
        return fetch(url, { method: "POST", body: body, credentials: "same-origin", headers: { "Accept": "application/json" } })
            .then(function (response) {
                return response.json().catch(function () { return null; }).then(function (data) {
                    if (!response.ok || !data) {
                        throw new ServerError((data && data.error) || GENERIC_ERROR, data && data.signInUrl);
                    }
                    return data;
                });
            });
    }

    function showError(root, error) {
        var box = root.querySelector("[data-passkey-error]");
        box.textContent = "";
        if (error instanceof ServerError) {
            box.appendChild(document.createTextNode(error.message));
            if (error.signInUrl) {
                var link = document.createElement("a");
                link.href = error.signInUrl;
                link.textContent = "Sign in again";
                box.appendChild(document.createTextNode(" "));
                box.appendChild(link);
            }
        } else if (error && error.name === "AbortError") {
            return;
        } else if (error && error.name === "InvalidStateError") {
            box.textContent = "This device already has a passkey for your account.";
        } else if (error && error.name === "NotAllowedError") {
            box.textContent = "The passkey request was cancelled or timed out. Try again.";
        } else {
            box.textContent = GENERIC_ERROR;
        }
        box.hidden = false;
    }

    function clearError(root) {
        var box = root.querySelector("[data-passkey-error]");
        box.hidden = true;
        box.textContent = "";
    }

    // --- sign in -------------------------------------------------------------------------------------------

    function setUpSignIn(root) {
        var button = root.querySelector("[data-passkey-button]");
        var conditional = null;

        function signIn(mediation) {
            var controller = new AbortController();
            if (mediation === "conditional") {
                conditional = controller;
            } else if (conditional) {
                // One WebAuthn request at a time: the button replaces the waiting autofill request.
                conditional.abort();
                conditional = null;
            }
            return post(root, root.dataset.optionsUrl, {}).then(function (begun) {
                var request = { publicKey: requestOptions(begun.options), signal: controller.signal };
                if (mediation) {
                    request.mediation = mediation;
                }
                var pending = navigator.credentials.get(request);
                // Marks the page while autofill is ready to offer passkeys (tests wait for it before focusing).
                root.dataset.autofill = mediation === "conditional" ? "waiting" : "off";
                return pending.then(function (credential) {
                    if (!credential) {
                        return null;
                    }
                    clearError(root);
                    return post(root, root.dataset.verifyUrl, {
                        state: begun.state,
                        credential: JSON.stringify(credentialToJson(credential)),
                        returnUrl: root.dataset.returnUrl || null
                    }).then(function (done) {
                        window.location.assign(done.redirect);
                    });
                });
            });
        }

        button.addEventListener("click", function () {
            clearError(root);
            button.disabled = true;
            signIn(undefined).catch(function (error) {
                showError(root, error);
            }).then(function () {
                button.disabled = false;
            });
        });
        root.hidden = false;

        // Autofill: the email field offers this site's passkeys when its autocomplete has "webauthn".
        var field = document.querySelector("input[autocomplete~=webauthn]");
        if (field && typeof PublicKeyCredential.isConditionalMediationAvailable === "function") {
            PublicKeyCredential.isConditionalMediationAvailable().then(function (available) {
                if (available) {
                    return signIn("conditional");
                }
                return null;
            }).catch(function (error) {
                // Only the server's refusals are worth a message; a dismissed autofill is not.
                if (error instanceof ServerError) {
                    showError(root, error);
                }
            });
        }
    }

    // --- add a passkey -------------------------------------------------------------------------------------

    function setUpRegistration(root) {
        var button = root.querySelector("[data-passkey-button]");
        if (typeof navigator.credentials.create !== "function") {
            return;
        }
        button.addEventListener("click", function () {
            clearError(root);
            button.disabled = true;
            post(root, root.dataset.optionsUrl, {}).then(function (begun) {
                return navigator.credentials.create({ publicKey: creationOptions(begun.options) }).then(function (credential) {
                    return post(root, root.dataset.registerUrl, {
                        state: begun.state,
                        credential: JSON.stringify(credentialToJson(credential)),
                        returnUrl: root.dataset.returnUrl || null
                    });
                });
            }).then(function (done) {
                window.location.assign(done.redirect);
            }).catch(function (error) {
                showError(root, error);
            }).then(function () {
                button.disabled = false;
            });
        });
        root.hidden = false;
    }

    function start() {
        if (!supported()) {
            return;
        }
        Array.prototype.forEach.call(document.querySelectorAll("[data-passkey-sign-in]"), setUpSignIn);
        Array.prototype.forEach.call(document.querySelectorAll("[data-passkey-register]"), setUpRegistration);
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", start);
    } else {
        start();
    }
})();
