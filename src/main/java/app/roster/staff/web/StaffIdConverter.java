package app.roster.staff.web;

import app.roster.staff.StaffId;
import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/** {@code {id}} in a path as a {@link StaffId}; a malformed one answers 404, like a missing one. */
@Component
class StaffIdConverter implements Converter<String, StaffId> {

    @Override
    public StaffId convert(String source) {
        return StaffId.parse(source);
    }
}
