-- Reference schema of the platform's source tables (data-contract.md). The job only reads them.
-- Applied only when goal-compliance.source-tables.enabled=true (the default), so that a deployment onto
-- the platform's own database can leave the platform's tables alone.
-- Metric and period are text, not enums, so that bad values can be stored and rejected with a reason.
-- No foreign keys from creator_goals or videos to creators: the platform's database may lack them.

CREATE TABLE organizations (
    id       uuid PRIMARY KEY,
    name     text NOT NULL,
    timezone text
);

CREATE TABLE projects (
    id     uuid PRIMARY KEY,
    org_id uuid NOT NULL,
    name   text NOT NULL
);

CREATE TABLE creators (
    id            uuid PRIMARY KEY,
    project_id    uuid    NOT NULL,
    tiktok_handle text    NOT NULL,
    display_name  text,
    avatar_url    text,
    is_active     boolean NOT NULL DEFAULT true
);

CREATE TABLE creator_goals (
    id           uuid PRIMARY KEY,
    creator_id   uuid        NOT NULL,
    project_id   uuid        NOT NULL,
    metric       text,
    period       text,
    target_value bigint,
    start_date   date,
    end_date     date,
    is_active    boolean     NOT NULL DEFAULT true,
    created_at   timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE videos (
    id            uuid PRIMARY KEY,
    creator_id    uuid        NOT NULL,
    posted_at     timestamptz NOT NULL,
    discovered_at timestamptz NOT NULL,
    views         bigint,
    likes         bigint,
    comments      bigint,
    shares        bigint
);

CREATE TABLE creator_scrapes (
    id         bigserial PRIMARY KEY,
    creator_id uuid        NOT NULL,
    scraped_at timestamptz NOT NULL,
    succeeded  boolean     NOT NULL,
    followers  bigint
);

-- Indexes for the job's queries: goals by project (report) and creator (join), a chunk's videos by
-- creator and posting time, a chunk's successful scrapes by creator and time.
CREATE INDEX projects_org_id_idx ON projects (org_id);
CREATE INDEX creators_project_id_idx ON creators (project_id);
CREATE INDEX creator_goals_project_id_idx ON creator_goals (project_id);
CREATE INDEX creator_goals_creator_id_idx ON creator_goals (creator_id);
CREATE INDEX videos_creator_posted_idx ON videos (creator_id, posted_at);
CREATE INDEX creator_scrapes_succeeded_idx ON creator_scrapes (creator_id, scraped_at) WHERE succeeded;
