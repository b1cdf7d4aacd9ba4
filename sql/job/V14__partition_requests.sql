-- The queue of remote partitioning (snapshot.remote): each row is one step execution request that a node takes
-- and deletes (FOR UPDATE SKIP LOCKED); the trigger wakes every node that LISTENs. The DDL is Spring
-- Integration's (org/springframework/integration/jdbc/schema-postgresql.sql in spring-integration-jdbc): its
-- channel message table, sequence and index, and the notify trigger that file leaves commented out for
-- PostgresChannelMessageTableSubscriber. The message store's other tables (groups, locks, metadata) are not used.

CREATE SEQUENCE INT_MESSAGE_SEQ START WITH 1 INCREMENT BY 1 NO CYCLE;

CREATE TABLE INT_CHANNEL_MESSAGE (
    MESSAGE_ID CHAR(36) NOT NULL,
    GROUP_KEY CHAR(36) NOT NULL,
    CREATED_DATE BIGINT NOT NULL,
    MESSAGE_PRIORITY BIGINT,
    MESSAGE_SEQUENCE BIGINT NOT NULL DEFAULT nextval('INT_MESSAGE_SEQ'),
    MESSAGE_CONTENT BYTEA,
    REGION VARCHAR(100) NOT NULL,
    CONSTRAINT INT_CHANNEL_MESSAGE_PK PRIMARY KEY (REGION, GROUP_KEY, CREATED_DATE, MESSAGE_SEQUENCE)
);

CREATE INDEX INT_CHANNEL_MSG_DELETE_IDX ON INT_CHANNEL_MESSAGE (REGION, GROUP_KEY, MESSAGE_ID);

CREATE FUNCTION INT_CHANNEL_MESSAGE_NOTIFY_FCT()
RETURNS TRIGGER AS
$BODY$
BEGIN
    PERFORM pg_notify('int_channel_message_notify', NEW.REGION || ' ' || NEW.GROUP_KEY);
    RETURN NEW;
END;
$BODY$
LANGUAGE PLPGSQL;

CREATE TRIGGER INT_CHANNEL_MESSAGE_NOTIFY_TRG
AFTER INSERT ON INT_CHANNEL_MESSAGE
FOR EACH ROW
EXECUTE PROCEDURE INT_CHANNEL_MESSAGE_NOTIFY_FCT();
