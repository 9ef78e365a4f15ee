package app.roster.user;

import app.roster.shared.Actor;
import app.roster.shared.Keyset;
import app.roster.shared.KeysetPage;
import app.roster.shared.NotFound;
import app.roster.shared.SearchTerm;
import app.roster.shared.StaffOnly;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading the users directory, staff-level: staff of either role, or a platform API key. */
@Service
@Transactional(readOnly = true)
public class FindUsers {

    private final UserListing listing;
    private final Users users;

    FindUsers(UserListing listing, Users users) {
        this.listing = listing;
        this.users = users;
    }

    public KeysetPage<ListedUser> list(Actor actor, SearchTerm search, Keyset page) {
        StaffOnly.requireStaff(actor);
        return listing.list(search, page);
    }

    public User find(Actor actor, long userId) {
        StaffOnly.requireStaff(actor);
        return users.findById(userId).orElseThrow(NotFound::new);
    }

    /** Roster's own read, behind no wall: for the webhook payload of a change it has just made. */
    public Optional<User> read(long userId) {
        return users.findById(userId);
    }
}
