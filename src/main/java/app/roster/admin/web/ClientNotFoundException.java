package app.roster.admin.web;

import app.roster.shared.NotFound;

/** No client account (or nothing of it) with that id: the 404 page, recorded like every other such 404. */
class ClientNotFoundException extends NotFound {
}
