/**
 * The membership pages; the permission picker's form and choices are shared with the invitation pages,
 * hence a named interface.
 */
@org.springframework.modulith.NamedInterface("web")
package app.roster.membership.web;
