package com.trackagoat.compliance.system;

import java.math.BigDecimal;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

import com.trackagoat.compliance.evaluation.EvaluationSettings;

/** Every setting of the job, under {@code goal-compliance.*}, with its default. */
@ConfigurationProperties("goal-compliance")
public class GoalComplianceProperties {

    /** Goals per chunk: each chunk's snapshots and checkpoint commit in one transaction. */
    private int chunkSize = 1000;

    /**
     * Partitions of a snapshot job, in total over every node: goal-id ranges that run in parallel on whichever
     * nodes take them (see {@code remote.*}), each restarting alone; 1 runs one unpartitioned step in the
     * process that runs the job. Defaults to the processors of the machine that runs the job, so that one node
     * runs as many at once as it has worker threads (a job's work splits between the JVM and PostgreSQL and
     * keeps every core busy); on several nodes set it to the worker threads of all of them together.
     */
    private int partitions = Runtime.getRuntime().availableProcessors();

    /** Pace below this fraction of the expected pace is {@code at_risk}. */
    private BigDecimal atRiskThreshold = new BigDecimal("0.7");

    /** How long after a period end it counts as recently ended; the final snapshot is taken then. */
    private Duration settleDelay = Duration.ofHours(48);

    /** How long after a final its restatement checks it for videos discovered late (an exact duration). */
    private Duration restatementDelay = Duration.ofDays(7);

    /** Scrape age from which a creator's stats are {@code turning_stale}. */
    private Duration turningStaleAfter = Duration.ofHours(24);

    /** Scrape age from which a creator's stats are {@code overdue}. */
    private Duration overdueAfter = Duration.ofHours(48);

    /** Whether the reference source tables are created (off for a deployment onto the platform's database). */
    private boolean createSourceTables = true;

    /** Whether the configured database is created when it does not exist. */
    private boolean createDatabase = true;

    /** How long shutdown waits for running snapshot jobs to commit their current chunk and stop. */
    private Duration shutdownTimeout = Duration.ofSeconds(25);

    private final Remote remote = new Remote();

    /**
     * Remote partitioning: a job's partitions are requests in a queue in the database ({@code INT_CHANNEL_MESSAGE}),
     * taken by every node that works, the node that runs the job included.
     */
    public static class Remote {

        /**
         * Whether this process takes partitions of any node's jobs while it runs: serve and the commands that
         * run jobs do (a command's own job needs it when no serve runs); the others never do.
         */
        private boolean worker = true;

        /** How many partitions this process runs at once: by default its processors. */
        private int workerThreads = Runtime.getRuntime().availableProcessors();

        /** How often the node running a job checks its partitions: ended, or lost with their worker. */
        private Duration pollInterval = Duration.ofMillis(200);

        public boolean isWorker() {
            return worker;
        }

        public void setWorker(boolean worker) {
            this.worker = worker;
        }

        public int getWorkerThreads() {
            return workerThreads;
        }

        public void setWorkerThreads(int workerThreads) {
            this.workerThreads = workerThreads;
        }

        public Duration getPollInterval() {
            return pollInterval;
        }

        public void setPollInterval(Duration pollInterval) {
            this.pollInterval = pollInterval;
        }
    }

    private final CatchUp catchUp = new CatchUp();

    /** Catch-up of snapshot jobs that were due while nothing ran. */
    public static class CatchUp {

        /** How far back a catch-up looks on a database where no snapshot job has completed yet. */
        private Duration lookBack = Duration.ofDays(35);

        public Duration getLookBack() {
            return lookBack;
        }

        public void setLookBack(Duration lookBack) {
            this.lookBack = lookBack;
        }
    }

    private final Retention retention = new Retention();

    /**
     * How long snapshot history is kept. Only nightly rows are ever dropped, a whole month's partition at a time;
     * close and final rows (what payouts pay from), restatements and rejects are kept for good.
     */
    public static class Retention {

        /**
         * How long nightly rows are kept: serve drops each month of them once the whole month is older than this
         * (e.g. {@code 400d}). Unset (the default): nightly rows are kept for good.
         */
        private Duration nightly;

        public Duration getNightly() {
            return nightly;
        }

        public void setNightly(Duration nightly) {
            this.nightly = nightly;
        }
    }

    private final Retry retry = new Retry();

    /**
     * How {@code serve} retries a failed snapshot job instance: after {@code first-delay}, then twice as long
     * after each further failure, up to {@code max-delay}. {@code catch-up} tries each instance once.
     */
    public static class Retry {

        /** The wait after an instance's first failed execution before serve runs it again. */
        private Duration firstDelay = Duration.ofMinutes(1);

        /** The longest wait between two runs of a failing instance; the doubling stops there. */
        private Duration maxDelay = Duration.ofHours(1);

        public Duration getFirstDelay() {
            return firstDelay;
        }

        public void setFirstDelay(Duration firstDelay) {
            this.firstDelay = firstDelay;
        }

        public Duration getMaxDelay() {
            return maxDelay;
        }

        public void setMaxDelay(Duration maxDelay) {
            this.maxDelay = maxDelay;
        }
    }

    private final Console console = new Console();

    /** The operators' console ({@code /console} on serve's public port), signed in with an admin key. */
    public static class Console {

        /** How long a console session lasts from sign-in; then the operator signs in again. */
        private Duration sessionTimeout = Duration.ofHours(8);

        /**
         * Whether the session cookie is marked {@code Secure} even on a plain-HTTP request: set it when a proxy
         * terminates TLS in front of serve. (On a request that arrived over HTTPS it is always marked.)
         */
        private boolean secureCookie = false;

        public Duration getSessionTimeout() {
            return sessionTimeout;
        }

        public void setSessionTimeout(Duration sessionTimeout) {
            this.sessionTimeout = sessionTimeout;
        }

        public boolean isSecureCookie() {
            return secureCookie;
        }

        public void setSecureCookie(boolean secureCookie) {
            this.secureCookie = secureCookie;
        }
    }

    private final Webhooks webhooks = new Webhooks();

    /** Delivery of the events of data-contract.md "Events (webhooks)" to the organizations' endpoints. */
    public static class Webhooks {

        /** The wait after a delivery's first failed attempt; each further wait is about twice as long. */
        private Duration firstRetry = Duration.ofSeconds(30);

        /** How long after its first attempt a delivery is retried; then it is marked failed. */
        private Duration giveUpAfter = Duration.ofHours(24);

        /**
         * The key that encrypts the endpoints' signing secrets (AES-256-GCM): base64 of 32 bytes, from the
         * environment ({@code GOALCOMPLIANCE_WEBHOOKS_SECRETKEY}). Without it no endpoint is created and
         * nothing is delivered.
         */
        private String secretKey;

        /**
         * The key before the last rotation, tried when the current one does not decrypt a secret: new endpoints
         * are sealed with the current key, older ones keep opening with this one until they are replaced.
         */
        private String secretKeyPrevious;

        public Duration getFirstRetry() {
            return firstRetry;
        }

        public void setFirstRetry(Duration firstRetry) {
            this.firstRetry = firstRetry;
        }

        public Duration getGiveUpAfter() {
            return giveUpAfter;
        }

        public void setGiveUpAfter(Duration giveUpAfter) {
            this.giveUpAfter = giveUpAfter;
        }

        public String getSecretKey() {
            return secretKey;
        }

        public void setSecretKey(String secretKey) {
            this.secretKey = secretKey;
        }

        public String getSecretKeyPrevious() {
            return secretKeyPrevious;
        }

        public void setSecretKeyPrevious(String secretKeyPrevious) {
            this.secretKeyPrevious = secretKeyPrevious;
        }
    }

    /** The evaluator's thresholds. */
    public EvaluationSettings evaluationSettings() {
        return new EvaluationSettings(atRiskThreshold, settleDelay, turningStaleAfter, overdueAfter);
    }

    public int getChunkSize() {
        return chunkSize;
    }

    public void setChunkSize(int chunkSize) {
        this.chunkSize = chunkSize;
    }

    public int getPartitions() {
        return partitions;
    }

    public void setPartitions(int partitions) {
        this.partitions = partitions;
    }

    public BigDecimal getAtRiskThreshold() {
        return atRiskThreshold;
    }

    public void setAtRiskThreshold(BigDecimal atRiskThreshold) {
        this.atRiskThreshold = atRiskThreshold;
    }

    public Duration getSettleDelay() {
        return settleDelay;
    }

    public void setSettleDelay(Duration settleDelay) {
        this.settleDelay = settleDelay;
    }

    public Duration getRestatementDelay() {
        return restatementDelay;
    }

    public void setRestatementDelay(Duration restatementDelay) {
        this.restatementDelay = restatementDelay;
    }

    public Duration getTurningStaleAfter() {
        return turningStaleAfter;
    }

    public void setTurningStaleAfter(Duration turningStaleAfter) {
        this.turningStaleAfter = turningStaleAfter;
    }

    public Duration getOverdueAfter() {
        return overdueAfter;
    }

    public void setOverdueAfter(Duration overdueAfter) {
        this.overdueAfter = overdueAfter;
    }

    public boolean isCreateSourceTables() {
        return createSourceTables;
    }

    public void setCreateSourceTables(boolean createSourceTables) {
        this.createSourceTables = createSourceTables;
    }

    public boolean isCreateDatabase() {
        return createDatabase;
    }

    public void setCreateDatabase(boolean createDatabase) {
        this.createDatabase = createDatabase;
    }

    public Duration getShutdownTimeout() {
        return shutdownTimeout;
    }

    public void setShutdownTimeout(Duration shutdownTimeout) {
        this.shutdownTimeout = shutdownTimeout;
    }

    public Remote getRemote() {
        return remote;
    }

    public CatchUp getCatchUp() {
        return catchUp;
    }

    public Retention getRetention() {
        return retention;
    }

    public Retry getRetry() {
        return retry;
    }

    public Console getConsole() {
        return console;
    }

    public Webhooks getWebhooks() {
        return webhooks;
    }
}
