package app.roster.admin.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No client account with that id: the 404 page. */
@ResponseStatus(HttpStatus.NOT_FOUND)
class ClientNotFoundException extends RuntimeException {

    ClientNotFoundException() {
        super("No such client account");
    }
}
