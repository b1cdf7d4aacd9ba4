package com.trackagoat.compliance.api;

import java.sql.Types;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import com.trackagoat.compliance.api.key.ApiCaller;

/**
 * The only way a controller gets at a project: by the caller's organization. Another organization's
 * project and a project that does not exist get the same 404, so a caller cannot learn which exist. An admin
 * key reads every organization's projects.
 */
@Component
public class ProjectAccess {

    private static final String PROJECT_OF_ORG = """
            SELECT p.id, p.org_id, o.timezone
            FROM projects p LEFT JOIN organizations o ON o.id = p.org_id
            WHERE p.id = :project AND (:admin OR p.org_id = :org)
            """;

    private static final String PROJECTS_OF_ORG = """
            SELECT p.id, p.org_id, o.timezone
            FROM projects p LEFT JOIN organizations o ON o.id = p.org_id
            WHERE :admin OR p.org_id = :org
            ORDER BY p.id
            """;

    private static final String ORG_TIMEZONE = """
            SELECT timezone FROM organizations WHERE id = :org
            """;

    private final NamedParameterJdbcTemplate jdbc;

    ProjectAccess(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The caller's project {@code projectId} (a path or query parameter named {@code parameter}). */
    public ApiProject require(ApiCaller caller, String parameter, String projectId) {
        UUID id = QueryParameters.requiredUuid(parameter, projectId);
        return jdbc.query(PROJECT_OF_ORG, scope(caller).addValue("project", id),
                        (rs, n) -> new ApiProject(rs.getObject("id", UUID.class), rs.getObject("org_id", UUID.class),
                                rs.getString("timezone")))
                .stream().findFirst()
                .orElseThrow(() -> ApiException.notFound("project " + id + " not found"));
    }

    /** Every project of the caller's organization (of every organization, for an admin key). */
    public List<ApiProject> all(ApiCaller caller) {
        return jdbc.query(PROJECTS_OF_ORG, scope(caller),
                (rs, n) -> new ApiProject(rs.getObject("id", UUID.class), rs.getObject("org_id", UUID.class),
                        rs.getString("timezone")));
    }

    /** The caller's organization's time zone text, as stored; empty for an admin key (no organization). */
    public Optional<String> timezone(ApiCaller caller) {
        if (caller.admin()) {
            return Optional.empty();
        }
        return jdbc.query(ORG_TIMEZONE, new MapSqlParameterSource("org", caller.orgId()),
                (rs, n) -> rs.getString("timezone")).stream().findFirst();
    }

    /** The caller's scope: its organization, or every organization for an admin key (org_id null). */
    private static MapSqlParameterSource scope(ApiCaller caller) {
        return new MapSqlParameterSource("admin", caller.admin()).addValue("org", caller.orgId(), Types.OTHER);
    }
}
