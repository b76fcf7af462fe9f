// Generated from the OpenAPI document by `npm run client:generate`; do not edit.
export interface paths {
    "/api/v1/admin-units": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Administrative units by parent, level, subtree or code/name; every signed-in role */
        get: operations["listAdminUnits"];
        put?: never;
        /** Add a province, district (under a province) or commune (under a district) */
        post: operations["createAdminUnit"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin-units/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One administrative unit */
        get: operations["getAdminUnit"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Rename a unit or set its population */
        patch: operations["updateAdminUnit"];
        trace?: never;
    };
    "/api/v1/audit-logs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Audit rows by user, record, action or time, newest first */
        get: operations["listAuditLogs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Log in with username and password; answers an access and a refresh token */
        post: operations["login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Log out: revokes every refresh token of the caller */
        post: operations["logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller’s own account */
        get: operations["getMe"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Change my password (current and new); my other logins end */
        post: operations["changeOwnPassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Trade a refresh token (once) for a new pair; a reused one revokes the login */
        post: operations["refreshTokens"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My logins still usable, the current one marked */
        get: operations["listOwnSessions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/sessions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** End one of my logins at once */
        delete: operations["endOwnSession"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/clinics/roster": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The clinic's active methadone patients with the day's dose, the prescribed dose and the run of missed days */
        get: operations["getClinicRoster"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/clinics/roster/doses": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record a whole day's doses in one transaction: a result per row; a row that fails says why and the others stand */
        post: operations["recordClinicRosterDoses"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/duplicates/pairs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Likely duplicate pairs whose two files are in the caller’s scope, best first, the facts side by side (no contact details) */
        get: operations["listDuplicatePairs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/duplicates/pairs/{id}/decision": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark a pair: `same` merges the two files into one (the survivor keeps its case code), `distinct` is never proposed again */
        post: operations["decideDuplicatePair"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/duplicates/runs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Queue a search for likely duplicate files across a province (also run every night) */
        post: operations["findDuplicates"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/duplicates/runs/{jobId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The state of a search, with its counts and time when done */
        get: operations["getDuplicatesRun"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/enrollments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One enrollment; methadone ones carry consecutiveMissedDays and absentWithoutReason */
        get: operations["getEnrollment"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/enrollments/{id}/doses": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Methadone doses of an enrollment, latest first, optionally within from..to */
        get: operations["listDoses"];
        put?: never;
        /** Record the methadone dose of a day (a second write for the day updates it); a missed dose may carry its reason */
        post: operations["recordDose"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/enrollments/{id}/end": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End an enrollment; completed treatment opens a post-rehab supervision from the next day; completing before the legal minimum term needs the decision that allows it */
        post: operations["endEnrollment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/enrollments/{id}/prescriptions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The prescribed doses of an enrollment, latest first */
        get: operations["listDosePrescriptions"];
        put?: never;
        /** Prescribe a dose from a day on (a change is a new row; the history is kept) */
        post: operations["createDosePrescription"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/facilities": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Facilities by type and area; every signed-in role */
        get: operations["listFacilities"];
        put?: never;
        /** Add a methadone clinic, rehabilitation facility or health station */
        post: operations["createFacility"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/facilities/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One facility */
        get: operations["getFacility"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Rename a facility, change its type or the unit it sits in */
        patch: operations["updateFacility"];
        trace?: never;
    };
    "/api/v1/facilities/residents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The facility's residents: its active stays (rehabilitation or detention), sorted by given name, searched by name or case code */
        get: operations["listFacilityResidents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/imports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Imports, newest first: the caller’s own (administrators: all) */
        get: operations["listImports"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/imports/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One import: status, progress, counts and the first row errors */
        get: operations["getImport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/imports/{id}/errors.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The rejected rows with their values and reasons, as XLSX */
        get: operations["getImportErrorReport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/imports/persons": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Upload a register (XLSX or CSV, field "file") to import in the background; dryRun checks only */
        post: operations["uploadImport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/imports/persons/template.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The XLSX template to fill, with the communes the caller may import into */
        get: operations["getImportTemplate"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/persons": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Files in the caller’s scope, newest first; never national id, phone or address */
        get: operations["listPersons"];
        put?: never;
        /** Open a file for a person living in a commune of the caller’s area; the case code is generated */
        post: operations["createPerson"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/persons/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One file; national id, phone and address for admins and commune workers only */
        get: operations["getPerson"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a file against the version read (409 when stale); a new residenceUnitId moves it */
        patch: operations["updatePerson"];
        trace?: never;
    };
    "/api/v1/persons/{id}/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Close a file (files are never deleted) */
        post: operations["closePerson"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/persons/{id}/drug-tests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A person's drug tests, latest first (clinic and facility staff: their facility's) */
        get: operations["listDrugTests"];
        put?: never;
        /** Record a drug test; a positive one raises a relapse task for the responsible worker */
        post: operations["createDrugTest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/persons/{id}/enrollments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A person's enrollments (clinic and facility staff: those at their own facility) */
        get: operations["listEnrollments"];
        put?: never;
        /** Enroll a person; the planned end must respect the legal term in force on startDate */
        post: operations["createEnrollment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/persons/{id}/services": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A person's service contacts, latest first */
        get: operations["listServiceContacts"];
        put?: never;
        /** Record a counseling, support, medical, vocational, job placement or loan service */
        post: operations["createServiceContact"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/persons/{id}/supervisions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A person's supervisions with their follow-ups, latest first */
        get: operations["listSupervisions"];
        put?: never;
        /** Open a supervision and plan its follow-ups (default term 1 year, 2 after a compulsory stay of an adult) */
        post: operations["createSupervision"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/persons/{id}/timeline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Registrations, status changes, moves, enrollments, services, supervisions and visits in date order */
        get: operations["getPersonTimeline"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/persons/candidates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Search before registering: files in the caller’s scope that may be this person, best first, without contact details */
        post: operations["findPersonCandidates"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public-holidays": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Public holidays, in date order (optionally of one year) */
        get: operations["listPublicHolidays"];
        put?: never;
        /** Add a public holiday or a day off moved to a weekday (admin) */
        post: operations["createPublicHoliday"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public-holidays/{date}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a public holiday (admin); answers the removed day */
        delete: operations["deletePublicHoliday"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/relapse-tasks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One relapse task with the decision taken, if any */
        get: operations["getRelapseTask"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/relapse-tasks/{id}/decision": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record the decision: re-enroll in treatment, refer an adult to compulsory treatment, or no action (with a note) */
        post: operations["decideRelapseTask"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reminders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Reminders in the caller’s scope, the latest due first */
        get: operations["listReminders"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reminders/{id}/ack": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Acknowledge a reminder */
        post: operations["acknowledgeReminder"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reminders/replan": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Raise due reminders from the database and re-plan every pending job (after a Redis loss) */
        post: operations["replanReminders"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/coverage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The stored coverage report of a unit and period (404 if never computed)
         * @description Figures of SPEC 8 for the unit and each direct child, with computedAt and inputs. People count where they lived, with the status they had, on `asOf` (the period's last day, or the day computed if earlier). `rates` (null without a population): `peopleWithFiles` = people of either status whose file was open on `asOf`; `filesPer1000` = peopleWithFiles per 1,000 residents; `drugComplexCriterion` = peopleWithFiles >= 0.5% of the population (one criterion of Decision 28/2025/QĐ-TTg). Detention: `held` = addicted and held on `asOf` (or closed as detained in the period), `treated` = of them treated in detention.
         */
        get: operations["getCoverageReport"];
        put?: never;
        /**
         * Queue the computation of a coverage report
         * @description The same unit and period asked while a job is queued or running share that job (same jobId).
         */
        post: operations["requestCoverageReport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/coverage/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A stored coverage report as CSV or XLSX, for people to read */
        get: operations["exportCoverageReport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/coverage/jobs/{jobId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The state of a coverage job, with the report once done */
        get: operations["getCoverageJob"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/coverage/unreached": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** People with files not reached in the period, never served first (computed live) */
        get: operations["listUnreachedPersons"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/monthly": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A commune's month: the live draft, its status, and every submitted version */
        get: operations["getMonthlyReport"];
        put?: never;
        /** Submit a commune's ended month as a snapshot; `correction: true` adds a new version and keeps the old */
        post: operations["submitMonthlyReport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/monthly/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A month as XLSX (a sheet per unit level, title block) or CSV, from submitted snapshots */
        get: operations["exportMonthlyReport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/monthly/notices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Reports due (commune workers) and overdue (province officers) in the caller’s area */
        get: operations["listMonthlyReportNotices"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/monthly/rollup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Which communes under a unit submitted a month, and the sums of their submitted snapshots (with the live sum where it differs) */
        get: operations["getMonthlyRollup"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/trends": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An indicator of a unit per month, up to 36 months, from the monthly snapshots (null where none is stored) */
        get: operations["getTrend"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/supervisions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One supervision with its follow-ups and visits */
        get: operations["getSupervision"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change interval, end date or supervisor (carries version); re-plans future follow-ups */
        patch: operations["updateSupervision"];
        trace?: never;
    };
    "/api/v1/supervisions/{id}/end": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End a supervision with an outcome; scheduled follow-ups are cancelled */
        post: operations["endSupervision"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/supervisions/{id}/supervisor": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Hand a supervision to another responsible worker of the person's commune */
        patch: operations["assignSupervisor"];
        trace?: never;
    };
    "/api/v1/supervisions/{id}/visits": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record a visit; it completes the earliest scheduled follow-up */
        post: operations["recordVisit"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tasks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My tasks today, most urgent first: the commune’s follow-ups, ends, relapses and transfers; the officer’s transfers to decide; the clinic’s doses; the facility’s stays */
        get: operations["listMyTasks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/transfer-requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Transfer requests in scope: officers those they decide, workers those to or from their area; newest first */
        get: operations["listTransferRequests"];
        put?: never;
        /** Ask for the file of a person met in the caller’s commune that another commune holds (by national id); 404 when no open file has it, 409 when it is already in the caller’s area, 429 past the lookup or national-id limits */
        post: operations["createTransferRequest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/transfer-requests/{id}/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Accept a pending request: the file moves to the receiving commune (404 outside scope; 409 once decided or when the file closed or moved since) */
        post: operations["acceptTransferRequest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/transfer-requests/{id}/refuse": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Refuse a pending request, with a reason (404 outside scope; 409 once decided) */
        post: operations["refuseTransferRequest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Users by role, area or name */
        get: operations["listUsers"];
        put?: never;
        /** Create a user with a role, an area and (clinic and facility staff) a facility */
        post: operations["createUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One user */
        get: operations["getUser"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a user: name, role, area, facility, password or lock-out */
        patch: operations["updateUser"];
        trace?: never;
    };
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether PostgreSQL and Redis answer (for load balancers; no token) */
        get: operations["getHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        AbsenceDto: {
            /** @description the rule applied */
            rule: string | null;
            /** @description whether the self-termination rule in force holds */
            selfTermination: boolean;
            sessions: number;
            /**
             * Format: date
             * @example 2025-03-01
             */
            since: string;
            workingDays: number;
        };
        AdminUnitDto: {
            /** @example 01 */
            code: string;
            /** Format: uuid */
            id: string;
            level: components["schemas"]["UnitLevel"];
            /** @example Xã Tân Lập */
            name: string;
            /**
             * Format: uuid
             * @description null for a province
             */
            parentId: string | null;
            /** @description residents, for rates per population */
            population: number | null;
        };
        AdminUnitPage: {
            items: components["schemas"]["AdminUnitDto"][];
            /** @description This page, from 1 */
            page: number;
            /** @description Items per page */
            pageSize: number;
            /** @description Items matching, over all pages */
            total: number;
        };
        AssignSupervisorDto: {
            /**
             * Format: uuid
             * @description an active commune worker whose area holds the person's residence
             */
            supervisorUserId: string;
        };
        AuditLogDto: {
            /** @example read */
            action: string;
            /**
             * Format: uuid
             * @description null for an anonymous request (a failed login)
             */
            actorId: string | null;
            /** @example commune_worker */
            actorRole: string | null;
            /** Format: date-time */
            at: string;
            /** @example person */
            entity: string;
            entityId: string | null;
            /** @description the fields written or looked up by */
            fields: string[];
            /**
             * @description a sequence number, in the order rows were written
             * @example 1042
             */
            id: number;
            ip: string | null;
            /** @description ids and counts only */
            meta: {
                [key: string]: unknown;
            } | null;
            requestId: string | null;
        };
        AuditLogPage: {
            items: components["schemas"]["AuditLogDto"][];
            /** @description This page, from 1 */
            page: number;
            /** @description Items per page */
            pageSize: number;
            /** @description Items matching, over all pages */
            total: number;
        };
        CandidatesQueryDto: {
            /**
             * @description when the exact date of birth is not known
             * @example 1990
             */
            birthYear?: number;
            /**
             * Format: date
             * @description the date of birth; or give birthYear
             * @example 1990-05-03
             */
            dateOfBirth?: string;
            /**
             * @description compared without diacritics, case or extra spaces
             * @example Nguyen Van An
             */
            fullName: string;
            /**
             * @description 12 digits; compared by its lookup hash, never stored or logged
             * @example 001090012345
             */
            nationalId?: string;
            /** @enum {string} */
            sex?: "male" | "female";
        };
        ChangePasswordDto: {
            /** @description the password the caller signs in with now */
            currentPassword: string;
            /** @description not guessable (nor close to the username) */
            newPassword: string;
        };
        ClosePersonDto: {
            /**
             * Format: date
             * @description not before registeredOn, not in the future
             */
            closedOn: string;
            /**
             * @description management of a using person ends early (Law 73/2021/QH14 Art 23) on commune_education, reformatory, imprisoned or deceased; found addicted is a change of status instead
             * @enum {string}
             */
            closeReason: "moved_away" | "deceased" | "management_ended" | "detained" | "other" | "commune_education" | "reformatory" | "imprisoned";
            /** @description when given, a stale version answers 409 */
            version?: number;
        };
        CoverageInputsDto: {
            /**
             * Format: date
             * @example 2025-03-01
             */
            asOf: string;
            /**
             * Format: date
             * @example 2025-03-01
             */
            from: string;
            /**
             * Format: date
             * @example 2025-03-01
             */
            to: string;
            /** Format: uuid */
            unitId: string;
        };
        CoverageJobAcceptedDto: {
            /** @example coverage_<unitId>_2025-03-01_2025-03-31 */
            jobId: string;
        };
        CoverageJobDto: {
            jobId: string;
            /** @description when done */
            result?: components["schemas"]["CoverageReportDto"];
            status: components["schemas"]["CoverageJobStatus"];
        };
        /** @enum {string} */
        CoverageJobStatus: "queued" | "running" | "done" | "failed";
        CoveragePeriodDto: {
            /**
             * Format: date
             * @description first day of the period (inclusive)
             * @example 2025-03-01
             */
            from: string;
            /**
             * Format: date
             * @description last day of the period (inclusive)
             * @example 2025-03-31
             */
            to: string;
            /** Format: uuid */
            unitId: string;
        };
        CoverageReportDto: {
            /**
             * Format: date
             * @description the day residence, status, detention and open files were taken: the period's last day, or the day computed if earlier
             * @example 2025-03-01
             */
            asOf: string;
            byService: components["schemas"]["ServiceCountsDto"];
            children: components["schemas"]["UnitFiguresDto"][];
            /** Format: date-time */
            computedAt: string;
            detention: components["schemas"]["DetentionFiguresDto"];
            /**
             * Format: date
             * @example 2025-03-01
             */
            from: string;
            inputs: components["schemas"]["CoverageInputsDto"];
            jobId: string | null;
            postRehab: components["schemas"]["PostRehabFiguresDto"];
            /** @description null without a known population */
            rates: components["schemas"]["PopulationRatesDto"] | null;
            reachedServices: number;
            /** @description reachedServices / withFiles, exact (0 without people) */
            share: number;
            target: number;
            /**
             * Format: date
             * @example 2025-03-01
             */
            to: string;
            unit: components["schemas"]["CoverageUnitDto"];
            /** Format: uuid */
            unitId: string;
            withFiles: number;
        };
        CoverageUnitDto: {
            code: string;
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            level: "province" | "district" | "commune";
            name: string;
            population: number | null;
        };
        CreateAdminUnitDto: {
            /** @example 01 */
            code: string;
            /** @enum {string} */
            level: "province" | "district" | "commune";
            /** @example Xã Tân Lập */
            name: string;
            /** @description required for districts and communes */
            parentId?: string;
            /** @description residents, for rates per population */
            population?: number;
        };
        CreatedDrugTestDto: {
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            facilityId: string | null;
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            method: "urine_rapid" | "saliva" | "blood" | "hair" | "other";
            /** Format: uuid */
            personId: string;
            /** Format: uuid */
            recordedBy: string | null;
            /**
             * Format: uuid
             * @description the relapse task a positive test raised (null when one was already open)
             */
            relapseTaskId: string | null;
            /** @enum {string} */
            result: "negative" | "positive" | "invalid";
            substances: string[];
            /** @example 2026-11-20 */
            testDate: string;
        };
        CreateDrugTestDto: {
            /** @enum {string} */
            method: "urine_rapid" | "saliva" | "blood" | "hair" | "other";
            /**
             * @description positive raises a relapse task for the responsible worker
             * @enum {string}
             */
            result: "negative" | "positive" | "invalid";
            /**
             * @description what the test found
             * @example [
             *       "heroin",
             *       "methamphetamine"
             *     ]
             */
            substances?: string[];
            /**
             * @description not in the future
             * @example 2026-11-20
             */
            testDate: string;
        };
        CreateEnrollmentDto: {
            /**
             * @description number of the treatment decision (voluntary: the acceptance; compulsory: the court decision); given with decisionOn
             * @example 12/QĐ-UBND
             */
            decisionNo?: string;
            /**
             * @description date of the treatment decision; the age at it decides the legal basis of a compulsory stay
             * @example 2026-02-20
             */
            decisionOn?: string;
            /**
             * Format: uuid
             * @description required for methadone (a methadone clinic) and facility (a rehabilitation facility)
             */
            facilityId?: string;
            /**
             * @description compulsory stays only; derived from the age at the decision when absent: administrative_measure (18 or older), court_decision (a minor, Law 73/2021/QH14 Art 33)
             * @enum {string}
             */
            legalBasis?: "administrative_measure" | "court_decision";
            /**
             * @description required for facility stays; community treatment is voluntary; none for methadone
             * @enum {string}
             */
            mode?: "voluntary" | "compulsory";
            /**
             * Format: date
             * @description must respect the legal term in force on startDate
             * @example 2027-02-28
             */
            plannedEndDate?: string;
            /**
             * @description completed treatments known from paper files only; any makes this a repeat treatment
             * @default 0
             */
            priorCompletedTreatments?: number;
            /**
             * Format: date
             * @example 2026-03-01
             */
            startDate: string;
            /** @enum {string} */
            type: "community" | "methadone" | "facility" | "detention";
        };
        CreateFacilityDto: {
            adminUnitId: string;
            /** @example MMT-HN-01 */
            code: string;
            /** @example Cơ sở điều trị Methadone Đống Đa */
            name: string;
            /** @enum {string} */
            type: "methadone_clinic" | "rehab_facility" | "health_station" | "detention_facility";
        };
        CreatePersonDto: {
            /** @description stored encrypted */
            address?: string | null;
            /**
             * @description the caller has seen the likely matches (409 possible_duplicate) and states this is another person; recorded in the audit log
             * @default false
             */
            confirmDistinct?: boolean;
            /**
             * Format: date
             * @example 1990-05-03
             */
            dateOfBirth: string;
            /** @example Nguyễn Văn An */
            fullName: string;
            /** @default false */
            inDetention?: boolean;
            /**
             * @description number of the commune's management decision
             * @example 25/QĐ-UBND
             */
            managementDecisionNo?: string | null;
            /**
             * Format: date
             * @description the commune's management decision (status using)
             */
            managementDecisionOn?: string | null;
            /**
             * @description 12 digits; unique among open files; stored encrypted
             * @example 001090012345
             */
            nationalId?: string | null;
            /**
             * @description stored encrypted
             * @example 0912 345 678
             */
            phone?: string | null;
            /**
             * Format: date
             * @description the day the file was opened
             * @example 2025-01-10
             */
            registeredOn: string;
            /**
             * Format: uuid
             * @description a commune
             */
            residenceUnitId: string;
            /** @enum {string} */
            sex: "male" | "female";
            /** @enum {string} */
            status: "using" | "addicted";
            /**
             * @example [
             *       "heroin",
             *       "methamphetamine"
             *     ]
             */
            substances?: string[];
        };
        CreatePrescriptionDto: {
            /** @example 60 */
            doseMg: number;
            /**
             * @description the first day of the new dose; not before the enrollment started
             * @example 2026-11-20
             */
            effectiveFrom: string;
            note?: string;
        };
        CreatePublicHolidayDto: {
            /**
             * @description a day off (public holiday, or a day off moved to a weekday)
             * @example 2028-01-26
             */
            date: string;
            /** @example Tết Nguyên đán (Mùng 1) */
            name: string;
            /**
             * @description the law or announcement that sets the day off
             * @example Labour Code 2019 Art 112; 2028 announcement
             */
            source: string;
        };
        CreateServiceContactDto: {
            /**
             * Format: date
             * @example 2026-03-02
             */
            date: string;
            /**
             * Format: uuid
             * @description defaults to the caller's facility for clinic and facility staff
             */
            facilityId?: string;
            notes?: string;
            /** @enum {string} */
            type: "counseling" | "support" | "medical" | "vocational" | "job" | "loan";
        };
        CreateSupervisionDto: {
            /**
             * @description number of the post-rehab management decision (Decree 116/2021 Art 78); given with decisionOn
             * @example 15/QĐ-UBND
             */
            decisionNo?: string;
            /**
             * @description date of the post-rehab management decision; given with decisionNo
             * @example 2026-04-03
             */
            decisionOn?: string;
            /**
             * Format: date
             * @description overrides the default term (Law 73/2021/QH14 Art 40: 2 years after the administrative measure of compulsory treatment, 1 year otherwise)
             */
            endDate?: string;
            /** @default 30 */
            intervalDays?: number;
            /**
             * Format: uuid
             * @description the treatment this supervision follows
             */
            sourceEnrollmentId?: string;
            /**
             * Format: date
             * @example 2026-04-01
             */
            startDate: string;
            /**
             * Format: uuid
             * @description a commune worker; defaults to the caller when a commune worker
             */
            supervisorUserId?: string;
        };
        CreateTransferRequestDto: {
            /**
             * @description the national id of the person met, whose open file is held by another commune
             * @example 001234567890
             */
            nationalId: string;
            /** @description why the file should move (no names) */
            reason?: string;
            /**
             * Format: uuid
             * @description the commune of the caller's area the file should move to
             */
            toUnitId: string;
        };
        CreateUserDto: {
            /** @description required except for admins */
            adminUnitId?: string;
            /** @description required for clinic_staff and facility_staff */
            facilityId?: string;
            fullName?: string;
            password: string;
            /**
             * @description admin: system administrator; province_officer: provincial office, since 1 March 2025 the provincial drug police (PC04) who run rehab and post-rehab management (before: the labour department); commune_worker: commune health or social worker; clinic_staff: methadone clinic staff; facility_staff: rehabilitation facility staff
             * @enum {string}
             */
            role: "admin" | "province_officer" | "commune_worker" | "clinic_staff" | "facility_staff";
            /** @example cb.tanlap */
            username: string;
        };
        CreateVisitDto: {
            /** @enum {string} */
            drugTest: "negative" | "positive" | "not_done";
            /** @enum {string} */
            method: "home_visit" | "phone" | "office";
            notes?: string;
            /** @default false */
            relapse?: boolean;
            /**
             * Format: date
             * @example 2026-05-02
             */
            visitDate: string;
        };
        DecideRelapseDto: {
            /**
             * @description the day of the decision (default: today); not in the future
             * @example 2026-11-20
             */
            decidedOn?: string;
            /** @enum {string} */
            decision: "re_enroll_treatment" | "refer_compulsory_treatment" | "no_action";
            /** @description required for no_action */
            note?: string;
        };
        DecisionDto: {
            /**
             * @description `same` merges the two files; `distinct` keeps both and never proposes the pair again
             * @enum {string}
             */
            decision: "same" | "distinct";
            /**
             * Format: uuid
             * @description for `same`: the file that survives (keeps its case code); by default the one registered first
             */
            survivorId?: string;
        };
        DecisionResultDto: {
            /** @description for `same`: what moved to the survivor */
            moved?: components["schemas"]["MergeMovesDto"];
            pair: components["schemas"]["DuplicatePairDto"];
        };
        DetentionFiguresDto: {
            held: number;
            /** @description treated / held, exact (0 without people) */
            share: number;
            target: number;
            treated: number;
        };
        DoseDto: {
            /** Format: date-time */
            createdAt: string;
            /**
             * Format: date
             * @example 2025-03-01
             */
            date: string;
            /**
             * @description milligrams; null when missed
             * @example 60
             */
            doseMg: number | null;
            /** Format: uuid */
            enrollmentId: string;
            /** Format: uuid */
            id: string;
            /**
             * @description why a missed dose was missed
             * @enum {string|null}
             */
            missedReason: "sick" | "hospitalised" | "detained" | "permitted_travel" | "other" | null;
            /** Format: uuid */
            recordedBy: string | null;
            status: components["schemas"]["DoseStatus"];
            /** Format: date-time */
            updatedAt: string;
        };
        DosePage: {
            items: components["schemas"]["DoseDto"][];
            /** @description This page, from 1 */
            page: number;
            /** @description Items per page */
            pageSize: number;
            /** @description Items matching, over all pages */
            total: number;
        };
        /** @enum {string} */
        DoseStatus: "taken" | "missed";
        /** @enum {string} */
        DrugTest: "negative" | "positive" | "not_done";
        DrugTestDto: {
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            facilityId: string | null;
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            method: "urine_rapid" | "saliva" | "blood" | "hair" | "other";
            /** Format: uuid */
            personId: string;
            /** Format: uuid */
            recordedBy: string | null;
            /** @enum {string} */
            result: "negative" | "positive" | "invalid";
            substances: string[];
            /** @example 2026-11-20 */
            testDate: string;
        };
        DrugTestPageDto: {
            items: components["schemas"]["DrugTestDto"][];
            page: number;
            pageSize: number;
            total: number;
        };
        DuplicatePairDto: {
            a: components["schemas"]["PairFileDto"];
            b: components["schemas"]["PairFileDto"];
            /** Format: date-time */
            foundAt: string;
            /** Format: uuid */
            id: string;
            /**
             * @example [
             *       "name",
             *       "date_of_birth"
             *     ]
             */
            reasons: string[];
            /** Format: date-time */
            reviewedAt: string | null;
            /** Format: uuid */
            reviewedBy: string | null;
            score: number;
            /** @enum {string} */
            status: "pending" | "same" | "distinct";
            /**
             * Format: uuid
             * @description for a merged pair, the file that survived
             */
            survivorId: string | null;
        };
        DuplicatePairPage: {
            items: components["schemas"]["DuplicatePairDto"][];
            /** @description This page, from 1 */
            page: number;
            /** @description Items per page */
            pageSize: number;
            /** @description Items matching, over all pages */
            total: number;
        };
        DuplicatesJobDto: {
            jobId: string;
            result?: components["schemas"]["FindDuplicatesResultDto"];
            /** @enum {string} */
            status: "queued" | "running" | "done" | "failed";
        };
        EndedEnrollmentDto: {
            /** @description compulsory stays: age on the day of the decision */
            ageAtDecision: number | null;
            /** @description number of the completion certificate */
            certificateNo: string | null;
            /**
             * Format: date
             * @example 2025-03-01
             */
            certificateOn: string | null;
            /** Format: date-time */
            createdAt: string;
            /** @description number of the treatment decision */
            decisionNo: string | null;
            /**
             * Format: date
             * @example 2025-03-01
             */
            decisionOn: string | null;
            /** @description the decision allowing completion before the legal minimum term */
            earlyCompletionDecisionNo: string | null;
            /**
             * Format: date
             * @example 2025-03-01
             */
            earlyCompletionDecisionOn: string | null;
            /**
             * Format: date
             * @example 2025-03-01
             */
            endDate: string | null;
            /** Format: uuid */
            facilityId: string | null;
            /** Format: uuid */
            id: string;
            /**
             * @description compulsory stays: administrative_measure (18 or older at the decision) or court_decision (a minor)
             * @enum {string|null}
             */
            legalBasis: "administrative_measure" | "court_decision" | null;
            /** @enum {string|null} */
            mode: "voluntary" | "compulsory" | null;
            /** @enum {string|null} */
            outcome: "completed" | "dropped_out" | "transferred" | "relapsed" | "deceased" | "other" | null;
            /** Format: uuid */
            personId: string;
            /**
             * Format: date
             * @example 2025-03-01
             */
            plannedEndDate: string | null;
            /**
             * Format: date
             * @description post-rehab decision due (Decree 116/2021 Art 78)
             * @example 2025-03-01
             */
            postRehabDecisionDue: string | null;
            /**
             * Format: date
             * @description post-rehab file due (Decree 116/2021 Art 77)
             * @example 2025-03-01
             */
            postRehabFileDue: string | null;
            /** @description completed treatments known from paper files only */
            priorCompletedOnPaper: number;
            /**
             * Format: date
             * @example 2025-03-01
             */
            startDate: string;
            status: components["schemas"]["EnrollmentStatus"];
            supervision: components["schemas"]["SupervisionDto"] | null;
            type: components["schemas"]["EnrollmentType"];
            /** Format: date-time */
            updatedAt: string;
            version: number;
        };
        EndEnrollmentDto: {
            /**
             * @description completed only: number of the completion certificate; given with certificateOn
             * @example 07/GCN
             */
            certificateNo?: string;
            /**
             * @description date of the completion certificate: the post-rehab file is due 3 working days later, the decision 2 more (Decree 116/2021 Arts 77-78)
             * @example 2027-02-28
             */
            certificateOn?: string;
            /**
             * @description completed before the legal minimum term: number of the decision that allows it; given with earlyCompletionDecisionOn
             * @example 21/QĐ
             */
            earlyCompletionDecisionNo?: string;
            /**
             * @description date of the decision that allows completion before the legal minimum term
             * @example 2026-06-30
             */
            earlyCompletionDecisionOn?: string;
            /**
             * Format: date
             * @example 2027-02-28
             */
            endDate: string;
            /** @enum {string} */
            outcome: "completed" | "dropped_out" | "transferred" | "relapsed" | "deceased" | "other";
        };
        EndSupervisionDto: {
            /**
             * Format: date
             * @description the day supervision ended (default: today)
             * @example 2027-03-31
             */
            endDate?: string;
            /**
             * Format: date
             * @description the same as endDate, by the name of the stored field
             * @example 2027-03-31
             */
            endedOn?: string;
            /** @enum {string} */
            outcome: "completed" | "relapsed" | "moved_away" | "deceased" | "other";
        };
        EnrollmentDetailDto: {
            /** @description methadone enrollments only: the missed days without a reason at the end of the current run */
            absentWithoutReason?: components["schemas"]["AbsenceDto"] | null;
            /** @description compulsory stays: age on the day of the decision */
            ageAtDecision: number | null;
            /** @description number of the completion certificate */
            certificateNo: string | null;
            /**
             * Format: date
             * @example 2025-03-01
             */
            certificateOn: string | null;
            /** @description methadone enrollments only */
            consecutiveMissedDays?: number;
            /** Format: date-time */
            createdAt: string;
            /** @description number of the treatment decision */
            decisionNo: string | null;
            /**
             * Format: date
             * @example 2025-03-01
             */
            decisionOn: string | null;
            /** @description the decision allowing completion before the legal minimum term */
            earlyCompletionDecisionNo: string | null;
            /**
             * Format: date
             * @example 2025-03-01
             */
            earlyCompletionDecisionOn: string | null;
            /**
             * Format: date
             * @example 2025-03-01
             */
            endDate: string | null;
            /** Format: uuid */
            facilityId: string | null;
            /** Format: uuid */
            id: string;
            /**
             * @description compulsory stays: administrative_measure (18 or older at the decision) or court_decision (a minor)
             * @enum {string|null}
             */
            legalBasis: "administrative_measure" | "court_decision" | null;
            /** @enum {string|null} */
            mode: "voluntary" | "compulsory" | null;
            /** @enum {string|null} */
            outcome: "completed" | "dropped_out" | "transferred" | "relapsed" | "deceased" | "other" | null;
            /** Format: uuid */
            personId: string;
            /**
             * Format: date
             * @example 2025-03-01
             */
            plannedEndDate: string | null;
            /**
             * Format: date
             * @description post-rehab decision due (Decree 116/2021 Art 78)
             * @example 2025-03-01
             */
            postRehabDecisionDue: string | null;
            /**
             * Format: date
             * @description post-rehab file due (Decree 116/2021 Art 77)
             * @example 2025-03-01
             */
            postRehabFileDue: string | null;
            /** @description completed treatments known from paper files only */
            priorCompletedOnPaper: number;
            /**
             * Format: date
             * @example 2025-03-01
             */
            startDate: string;
            status: components["schemas"]["EnrollmentStatus"];
            type: components["schemas"]["EnrollmentType"];
            /** Format: date-time */
            updatedAt: string;
            version: number;
        };
        EnrollmentDto: {
            /** @description compulsory stays: age on the day of the decision */
            ageAtDecision: number | null;
            /** @description number of the completion certificate */
            certificateNo: string | null;
            /**
             * Format: date
             * @example 2025-03-01
             */
            certificateOn: string | null;
            /** Format: date-time */
            createdAt: string;
            /** @description number of the treatment decision */
            decisionNo: string | null;
            /**
             * Format: date
             * @example 2025-03-01
             */
            decisionOn: string | null;
            /** @description the decision allowing completion before the legal minimum term */
            earlyCompletionDecisionNo: string | null;
            /**
             * Format: date
             * @example 2025-03-01
             */
            earlyCompletionDecisionOn: string | null;
            /**
             * Format: date
             * @example 2025-03-01
             */
            endDate: string | null;
            /** Format: uuid */
            facilityId: string | null;
            /** Format: uuid */
            id: string;
            /**
             * @description compulsory stays: administrative_measure (18 or older at the decision) or court_decision (a minor)
             * @enum {string|null}
             */
            legalBasis: "administrative_measure" | "court_decision" | null;
            /** @enum {string|null} */
            mode: "voluntary" | "compulsory" | null;
            /** @enum {string|null} */
            outcome: "completed" | "dropped_out" | "transferred" | "relapsed" | "deceased" | "other" | null;
            /** Format: uuid */
            personId: string;
            /**
             * Format: date
             * @example 2025-03-01
             */
            plannedEndDate: string | null;
            /**
             * Format: date
             * @description post-rehab decision due (Decree 116/2021 Art 78)
             * @example 2025-03-01
             */
            postRehabDecisionDue: string | null;
            /**
             * Format: date
             * @description post-rehab file due (Decree 116/2021 Art 77)
             * @example 2025-03-01
             */
            postRehabFileDue: string | null;
            /** @description completed treatments known from paper files only */
            priorCompletedOnPaper: number;
            /**
             * Format: date
             * @example 2025-03-01
             */
            startDate: string;
            status: components["schemas"]["EnrollmentStatus"];
            type: components["schemas"]["EnrollmentType"];
            /** Format: date-time */
            updatedAt: string;
            version: number;
        };
        EnrollmentPage: {
            items: components["schemas"]["EnrollmentDto"][];
            /** @description This page, from 1 */
            page: number;
            /** @description Items per page */
            pageSize: number;
            /** @description Items matching, over all pages */
            total: number;
        };
        /** @enum {string} */
        EnrollmentStatus: "active" | "ended";
        /** @enum {string} */
        EnrollmentType: "community" | "methadone" | "facility" | "detention";
        /**
         * @description Stable machine code: a client chooses its own (Vietnamese) words by it. Codes are never renamed.
         * @enum {string}
         */
        ErrorCode: "validation_failed" | "bad_request" | "invalid_reference" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "version_conflict" | "concurrent_update" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "too_many_requests" | "internal_error" | "service_unavailable" | "possible_duplicate" | "national_id_mismatch" | "file_closed" | "merge_conflict" | "pair_already_reviewed" | "legal_term_not_reached";
        ErrorResponseDto: {
            /**
             * @description Stable machine code: a client chooses its own (Vietnamese) words by it. Codes are never renamed.
             * @example not_found
             */
            code: components["schemas"]["ErrorCode"];
            /**
             * @description The HTTP reason phrase
             * @example Not Found
             */
            error: string;
            /** @description For `validation_failed` only: each field at fault and the rule it broke */
            errors?: components["schemas"]["FieldErrorDto"][];
            /**
             * @description What went wrong in English: one text, or one text per field at fault
             * @example person not found
             */
            message: string | string[];
            /**
             * @description The HTTP status, repeated
             * @example 404
             */
            statusCode: number;
        };
        FacilityDto: {
            /**
             * Format: uuid
             * @description the unit where the facility is
             */
            adminUnitId: string;
            /** @example MMT-DD */
            code: string;
            /** Format: uuid */
            id: string;
            /** @example Cơ sở điều trị Methadone Đống Đa */
            name: string;
            type: components["schemas"]["FacilityType"];
        };
        FacilityPage: {
            items: components["schemas"]["FacilityDto"][];
            /** @description This page, from 1 */
            page: number;
            /** @description Items per page */
            pageSize: number;
            /** @description Items matching, over all pages */
            total: number;
        };
        /** @enum {string} */
        FacilityType: "methadone_clinic" | "rehab_facility" | "health_station" | "detention_facility";
        FieldErrorDto: {
            /**
             * @description The field at fault, as a dotted path (`items.0.quantity`); `body` for the whole body
             * @example dateOfBirth
             */
            field: string;
            /**
             * @description The rule in English words, for logs; a client shows its own words per field and rule
             * @example dateOfBirth must be a real date written YYYY-MM-DD
             */
            message: string;
            /**
             * @description The rule broken (`isUuid`, `maxLength`, `whitelistValidation`, `businessRule`...)
             * @example isCalendarDate
             */
            rule: string;
        };
        FindDuplicatesAcceptedDto: {
            /** @example duplicates_3f0c… */
            jobId: string;
        };
        FindDuplicatesDto: {
            /**
             * Format: uuid
             * @description the province to search; a province officer’s own province by default (required for an admin)
             */
            provinceId?: string;
        };
        FindDuplicatesResultDto: {
            /** @description likely pairs found in this run (pending, or already reviewed) */
            found: number;
            /** @description time the search took, in milliseconds */
            ms: number;
            /** @description pairs pending review after the run */
            pending: number;
            /** @description open files compared */
            people: number;
            /** Format: uuid */
            provinceId: string;
        };
        FollowUpDto: {
            /**
             * Format: date
             * @example 2025-03-01
             */
            dueDate: string;
            /** Format: uuid */
            id: string;
            status: components["schemas"]["FollowUpStatus"];
            /**
             * Format: uuid
             * @description the visit that completed it
             */
            visitId: string | null;
        };
        /** @enum {string} */
        FollowUpStatus: "scheduled" | "done" | "missed" | "cancelled";
        HealthChecksDto: {
            /** @enum {string} */
            database: "up" | "down";
            /** @enum {string} */
            redis: "up" | "down";
        };
        HealthDownDto: {
            checks: components["schemas"]["HealthChecksDto"];
            /** @enum {string} */
            code: "service_unavailable";
            /** @example Service Unavailable */
            error: string;
            /** @example redis down */
            message: string;
            /** @enum {string} */
            status: "error";
            /** @enum {integer} */
            statusCode: 503;
        };
        HealthDto: {
            checks: components["schemas"]["HealthChecksDto"];
            /** @enum {string} */
            status: "ok";
        };
        ImportAcceptedDto: {
            /**
             * Format: uuid
             * @description follow it with GET /imports/{id}
             */
            importId: string;
        };
        ImportCountsDto: {
            created: number;
            rejected: number;
            unchanged: number;
            updated: number;
        };
        ImportDto: {
            counts: components["schemas"]["ImportCountsDto"];
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            createdBy: string;
            /** @description checked only, nothing written */
            dryRun: boolean;
            /** @description in row order; at most 1,000 (all of them are in errors.xlsx) */
            errors: components["schemas"]["ImportRowErrorDto"][];
            errorsTotal: number;
            /** @enum {string} */
            fileFormat: "xlsx" | "csv";
            /** @example so-dang-ky.xlsx */
            fileName: string;
            /** @description bytes */
            fileSize: number;
            /** Format: date-time */
            finishedAt: string | null;
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "persons";
            progress: components["schemas"]["ImportProgressDto"];
            /** Format: date-time */
            startedAt: string | null;
            status: components["schemas"]["ImportStatus"];
        };
        ImportProgressDto: {
            /** @description rows processed */
            done: number;
            /** @description rows in the file, once read */
            total: number | null;
        };
        ImportRowErrorDto: {
            /**
             * @description stable snake_case code of the problem
             * @example invalid_date
             */
            code: string;
            /** @description the column header as the template names it */
            column: string;
            /** @enum {string|null} */
            field: "fullName" | "dateOfBirth" | "sex" | "nationalId" | "unitCode" | "unitName" | "address" | "phone" | "status" | "substances" | "registeredOn" | "managementDecisionOn" | "inDetention" | null;
            /** @description in Vietnamese, for the worker */
            message: string;
            row: number;
        };
        /** @enum {string} */
        ImportStatus: "queued" | "running" | "done" | "failed";
        ImportSummaryDto: {
            counts: components["schemas"]["ImportCountsDto"];
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            createdBy: string;
            /** @description checked only, nothing written */
            dryRun: boolean;
            /** @enum {string} */
            fileFormat: "xlsx" | "csv";
            /** @example so-dang-ky.xlsx */
            fileName: string;
            /** @description bytes */
            fileSize: number;
            /** Format: date-time */
            finishedAt: string | null;
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "persons";
            progress: components["schemas"]["ImportProgressDto"];
            /** Format: date-time */
            startedAt: string | null;
            status: components["schemas"]["ImportStatus"];
        };
        ImportSummaryPage: {
            items: components["schemas"]["ImportSummaryDto"][];
            /** @description This page, from 1 */
            page: number;
            /** @description Items per page */
            pageSize: number;
            /** @description Items matching, over all pages */
            total: number;
        };
        LoginDto: {
            password: string;
            username: string;
        };
        MergeMovesDto: {
            doses: number;
            enrollments: number;
            events: number;
            followUps: number;
            reminders: number;
            services: number;
            supervisions: number;
            visits: number;
        };
        /** @enum {string} */
        MonthlyFigureKey: "filesOpen" | "filesUsing" | "filesAddicted" | "filesMale" | "filesFemale" | "ageUnder18" | "age18to29" | "age30to49" | "age50plus" | "filesRegistered" | "communityStarted" | "communityActive" | "communityCompleted" | "methadoneStarted" | "methadoneActive" | "methadoneCompleted" | "facilityStarted" | "facilityActive" | "facilityCompleted" | "detentionStarted" | "detentionActive" | "detentionCompleted" | "supervised" | "supported" | "vocational" | "jobs" | "loans" | "relapses" | "drugTests" | "drugTestsPositive" | "held" | "treated" | "withFiles" | "reached" | "population";
        MonthlyFiguresDto: {
            /** @description 18-29 tuổi */
            age18to29: number;
            /** @description 30-49 tuổi */
            age30to49: number;
            /** @description Từ 50 tuổi */
            age50plus: number;
            /** @description Dưới 18 tuổi */
            ageUnder18: number;
            /** @description Cai nghiện tại cộng đồng: đang điều trị */
            communityActive: number;
            /** @description Cai nghiện tại cộng đồng: hoàn thành */
            communityCompleted: number;
            /** @description Cai nghiện tại cộng đồng: bắt đầu */
            communityStarted: number;
            /** @description Điều trị khi bị tạm giữ, tạm giam: đang điều trị */
            detentionActive: number;
            /** @description Điều trị khi bị tạm giữ, tạm giam: hoàn thành */
            detentionCompleted: number;
            /** @description Điều trị khi bị tạm giữ, tạm giam: bắt đầu */
            detentionStarted: number;
            /** @description Số lần xét nghiệm ma túy */
            drugTests: number;
            /** @description Số lần xét nghiệm dương tính */
            drugTestsPositive: number;
            /** @description Cai nghiện tại cơ sở: đang điều trị */
            facilityActive: number;
            /** @description Cai nghiện tại cơ sở: hoàn thành */
            facilityCompleted: number;
            /** @description Cai nghiện tại cơ sở: bắt đầu */
            facilityStarted: number;
            /** @description Trong đó: nghiện */
            filesAddicted: number;
            /** @description Nữ */
            filesFemale: number;
            /** @description Nam */
            filesMale: number;
            /** @description Số người có hồ sơ quản lý (cuối tháng) */
            filesOpen: number;
            /** @description Hồ sơ mới lập trong tháng */
            filesRegistered: number;
            /** @description Trong đó: sử dụng trái phép */
            filesUsing: number;
            /** @description Số người nghiện bị tạm giữ, tạm giam */
            held: number;
            /** @description Hỗ trợ việc làm */
            jobs: number;
            /** @description Hỗ trợ vay vốn */
            loans: number;
            /** @description Methadone: đang điều trị */
            methadoneActive: number;
            /** @description Methadone: hoàn thành */
            methadoneCompleted: number;
            /** @description Methadone: bắt đầu */
            methadoneStarted: number;
            /** @description Dân số */
            population: number;
            /** @description Số người nghiện được tiếp cận dịch vụ */
            reached: number;
            /** @description Số người tái nghiện */
            relapses: number;
            /** @description Số người quản lý sau cai */
            supervised: number;
            /** @description Số người được hỗ trợ sau cai */
            supported: number;
            /** @description Số người được điều trị khi bị tạm giữ, tạm giam */
            treated: number;
            /** @description Hỗ trợ học nghề */
            vocational: number;
            /** @description Số người nghiện có hồ sơ trong tháng */
            withFiles: number;
        };
        MonthlyNoticeDto: {
            /** Format: date-time */
            createdAt: string;
            /**
             * Format: date
             * @example 2025-03-01
             */
            dueOn: string;
            /** Format: uuid */
            id: string;
            kind: components["schemas"]["MonthlyNoticeKind"];
            message: string;
            /** @example 2025-03 */
            month: string;
            submitted: boolean;
            unit: components["schemas"]["ReportUnitDto"];
        };
        /** @enum {string} */
        MonthlyNoticeKind: "report_due" | "report_overdue";
        MonthlyNoticePage: {
            items: components["schemas"]["MonthlyNoticeDto"][];
            /** @description This page, from 1 */
            page: number;
            /** @description Items per page */
            pageSize: number;
            /** @description Items matching, over all pages */
            total: number;
        };
        MonthlyReportDto: {
            /**
             * Format: date
             * @description figures taken at the end of this day (the month end, or today while the month runs)
             * @example 2025-03-01
             */
            asOf: string;
            /** @description figures whose live value differs from the latest submitted one */
            differs: string[];
            /**
             * Format: date
             * @description the report is due by this day (the 3rd of the next month)
             * @example 2025-03-01
             */
            dueOn: string;
            /**
             * Format: date
             * @example 2025-03-01
             */
            from: string;
            /** @description the live draft, computed now */
            live: components["schemas"]["MonthlyFiguresDto"];
            liveShares: components["schemas"]["MonthlySharesDto"];
            /** @example 2025-03 */
            month: string;
            status: components["schemas"]["MonthlyReportStatus"];
            /** @description the latest submitted version */
            submitted: components["schemas"]["MonthlyVersionDto"] | null;
            /**
             * Format: date
             * @example 2025-03-01
             */
            to: string;
            unit: components["schemas"]["ReportUnitDto"];
            /** @description every submitted version, newest first */
            versions: components["schemas"]["MonthlyVersionDto"][];
        };
        /** @enum {string} */
        MonthlyReportStatus: "open" | "due" | "submitted" | "overdue";
        MonthlyRollupDto: {
            communes: number;
            /**
             * Format: date
             * @example 2025-03-01
             */
            dueOn: string;
            figures: components["schemas"]["RollupFigureDto"][];
            /** @example 2025-03 */
            month: string;
            /** @description from the submitted sums */
            shares: components["schemas"]["MonthlySharesDto"];
            submittedCommunes: number;
            unit: components["schemas"]["ReportUnitDto"];
            units: components["schemas"]["RollupCommuneDto"][];
        };
        MonthlyShareDto: {
            met: boolean;
            target: number;
            /** @description the exact ratio (0 without a denominator) */
            value: number;
        };
        MonthlySharesDto: {
            /** @description Tỷ lệ người nghiện được tiếp cận dịch vụ (reached / withFiles) */
            coverage: components["schemas"]["MonthlyShareDto"];
            /** @description Tỷ lệ người bị tạm giữ, tạm giam được điều trị (treated / held) */
            detention: components["schemas"]["MonthlyShareDto"];
            /** @description Tỷ lệ người có hồ sơ trên dân số (filesOpen / population) */
            filesOfResidents: components["schemas"]["MonthlyShareDto"];
            /** @description Tỷ lệ người sau cai được hỗ trợ (supported / supervised) */
            postRehab: components["schemas"]["MonthlyShareDto"];
        };
        MonthlyVersionDto: {
            comment: string | null;
            figures: components["schemas"]["MonthlyFiguresDto"];
            /** Format: uuid */
            id: string;
            shares: components["schemas"]["MonthlySharesDto"];
            /** Format: date-time */
            submittedAt: string;
            /** Format: uuid */
            submittedBy: string;
            /** @description the submitter's full name, or username */
            submittedByName: string;
            version: number;
        };
        PairFileDto: {
            caseCode: string;
            /** Format: date */
            closedOn: string | null;
            closeReason: string | null;
            /** Format: date */
            dateOfBirth: string;
            enrollments: number;
            fullName: string;
            hasNationalId: boolean;
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            mergedIntoId: string | null;
            /** Format: date */
            registeredOn: string;
            /** Format: uuid */
            residenceUnitId: string;
            residenceUnitName: string;
            services: number;
            /** @enum {string} */
            sex: "male" | "female";
            /** @enum {string} */
            status: "using" | "addicted";
            supervisions: number;
        };
        PasswordChangedDto: {
            /** @description other logins of the caller that were ended (this one stays) */
            sessionsEnded: number;
        };
        PersonCandidateDto: {
            caseCode: string;
            /** Format: date */
            closedOn: string | null;
            /** @enum {string|null} */
            closeReason: "moved_away" | "deceased" | "management_ended" | "detained" | "other" | "commune_education" | "reformatory" | "imprisoned" | "merged_into" | null;
            /** Format: date */
            dateOfBirth: string;
            fullName: string;
            /** @description whether the file carries a national id (never the id itself) */
            hasNationalId: boolean;
            /** Format: uuid */
            id: string;
            /** @description an open file the likely-match rule matches: a new file needs confirmDistinct */
            likely: boolean;
            /**
             * @description national_id, name, date_of_birth or birth_year
             * @example [
             *       "name",
             *       "date_of_birth"
             *     ]
             */
            reasons: string[];
            /** Format: date */
            registeredOn: string;
            /** Format: uuid */
            residenceUnitId: string;
            residenceUnitName: string;
            /** @description 1 for the same national id, else 0.6 x name similarity + 0.4 x (1 same date of birth, 0.5 same year) */
            score: number;
            /** @enum {string} */
            sex: "male" | "female";
            /** @enum {string} */
            status: "using" | "addicted";
        };
        PersonCandidatesDto: {
            /** @description best first, at most 20 */
            items: components["schemas"]["PersonCandidateDto"][];
            total: number;
        };
        PersonDto: {
            /** @description admins and commune workers only */
            address?: string | null;
            /** @example 01001-2025-00001 */
            caseCode: string;
            /**
             * Format: date
             * @example 2025-03-01
             */
            closedOn: string | null;
            /** @enum {string|null} */
            closeReason: "moved_away" | "deceased" | "management_ended" | "detained" | "other" | "commune_education" | "reformatory" | "imprisoned" | "merged_into" | null;
            /** Format: date-time */
            createdAt: string;
            /**
             * Format: date
             * @example 2025-03-01
             */
            dateOfBirth: string;
            /** @example Nguyễn Văn An */
            fullName: string;
            /** Format: uuid */
            id: string;
            inDetention: boolean;
            /** @description number of the commune's management decision */
            managementDecisionNo: string | null;
            /**
             * Format: date
             * @example 2025-03-01
             */
            managementDecisionOn: string | null;
            /**
             * Format: uuid
             * @description closeReason merged_into: the file of the same person that survived (read it instead)
             */
            mergedIntoId: string | null;
            /**
             * @description admins and commune workers only
             * @example 001090012345
             */
            nationalId?: string | null;
            /** @description admins and commune workers only */
            phone?: string | null;
            /**
             * Format: date
             * @example 2025-03-01
             */
            registeredOn: string;
            /**
             * Format: uuid
             * @description the commune of residence
             */
            residenceUnitId: string;
            sex: components["schemas"]["Sex"];
            status: components["schemas"]["PersonStatus"];
            /**
             * @example [
             *       "heroin"
             *     ]
             */
            substances: string[];
            /** Format: date-time */
            updatedAt: string;
            /** @description send it back with a change (optimistic locking) */
            version: number;
        };
        PersonListItemDto: {
            /** @example 01001-2025-00001 */
            caseCode: string;
            /**
             * Format: date
             * @example 2025-03-01
             */
            closedOn?: string | null;
            /** @enum {string|null} */
            closeReason?: "moved_away" | "deceased" | "management_ended" | "detained" | "other" | "commune_education" | "reformatory" | "imprisoned" | "merged_into" | null;
            /** Format: date-time */
            createdAt?: string;
            /**
             * Format: date
             * @example 2025-03-01
             */
            dateOfBirth: string;
            /** @example Nguyễn Văn An */
            fullName: string;
            /** Format: uuid */
            id: string;
            inDetention?: boolean;
            /** @description number of the commune's management decision */
            managementDecisionNo?: string | null;
            /**
             * Format: date
             * @example 2025-03-01
             */
            managementDecisionOn?: string | null;
            /**
             * Format: uuid
             * @description closeReason merged_into: the file of the same person that survived
             */
            mergedIntoId?: string | null;
            /**
             * Format: date
             * @example 2025-03-01
             */
            registeredOn?: string;
            /**
             * Format: uuid
             * @description the commune of residence
             */
            residenceUnitId: string;
            sex: components["schemas"]["Sex"];
            status: components["schemas"]["PersonStatus"];
            /**
             * @example [
             *       "heroin"
             *     ]
             */
            substances?: string[];
            /** Format: date-time */
            updatedAt?: string;
            /** @description send it back with a change (optimistic locking) */
            version?: number;
        };
        PersonListItemPage: {
            items: components["schemas"]["PersonListItemDto"][];
            /** @description This page, from 1 */
            page: number;
            /** @description Items per page */
            pageSize: number;
            /** @description Items matching, over all pages */
            total: number;
        };
        /** @enum {string} */
        PersonStatus: "using" | "addicted";
        PopulationRatesDto: {
            drugComplexCriterion: boolean;
            /** @example 0.005 */
            drugComplexThreshold: number;
            /** @description peopleWithFiles per 1,000 residents, 2 decimals */
            filesPer1000: number;
            peopleWithFiles: number;
            population: number;
        };
        PossibleDuplicateErrorDto: {
            /** @description possible_duplicate: the open files in scope the new file likely repeats */
            candidates?: components["schemas"]["PersonCandidateDto"][];
            /**
             * @description Stable machine code: a client chooses its own (Vietnamese) words by it. Codes are never renamed.
             * @example not_found
             */
            code: components["schemas"]["ErrorCode"];
            /**
             * @description The HTTP reason phrase
             * @example Not Found
             */
            error: string;
            /** @description For `validation_failed` only: each field at fault and the rule it broke */
            errors?: components["schemas"]["FieldErrorDto"][];
            /**
             * @description What went wrong in English: one text, or one text per field at fault
             * @example person not found
             */
            message: string | string[];
            /**
             * @description The HTTP status, repeated
             * @example 404
             */
            statusCode: number;
        };
        PostRehabFiguresDto: {
            /** @description supported / supervised, exact (0 without people) */
            share: number;
            supervised: number;
            supported: number;
            target: number;
        };
        PrescriptionDto: {
            /** Format: date-time */
            createdAt: string;
            /** @example 60 */
            doseMg: number;
            /** @example 2026-11-20 */
            effectiveFrom: string;
            /** Format: uuid */
            enrollmentId: string;
            /** Format: uuid */
            id: string;
            note: string | null;
            /** Format: uuid */
            prescribedBy: string | null;
        };
        PrescriptionPageDto: {
            items: components["schemas"]["PrescriptionDto"][];
            page: number;
            pageSize: number;
            total: number;
        };
        PublicHolidayList: {
            items: components["schemas"]["PublicHolidayView"][];
        };
        PublicHolidayView: {
            /** @example 2026-02-17 */
            date: string;
            /** @example Tết Nguyên đán (Mùng 1) */
            name: string;
            /** @example Labour Code 2019 Art 112 */
            source: string;
        };
        RecordDoseDto: {
            /**
             * Format: date
             * @example 2026-03-02
             */
            date: string;
            /** @description mg; required (> 0) when taken, absent when missed */
            doseMg?: number;
            /**
             * @description only for a missed dose: a missed dose with a reason does not count towards self-termination (Decree 116/2021 Art 3(5))
             * @enum {string}
             */
            missedReason?: "sick" | "hospitalised" | "detained" | "permitted_travel" | "other";
            /** @enum {string} */
            status: "taken" | "missed";
        };
        RecordRosterDto: {
            /**
             * @description the day of every row; not in the future
             * @example 2026-11-20
             */
            date: string;
            /**
             * Format: uuid
             * @description admin only: the clinic (clinic staff record at their own)
             */
            facilityId?: string;
            rows: components["schemas"]["RosterDoseRowDto"][];
        };
        RefreshDto: {
            /** @description the refresh token; when absent, the web app's HttpOnly cookie cm_refresh is used */
            refreshToken?: string;
        };
        RefuseTransferDto: {
            /** @description why the request is refused (no names) */
            reason: string;
        };
        RelapseTaskDto: {
            /** @description adult (18 or older) on the day of detection: a referral to compulsory treatment is possible */
            adult: boolean;
            /**
             * Format: uuid
             * @description the responsible worker
             */
            assignedUserId: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            decidedBy: string | null;
            decidedOn: string | null;
            /** @enum {string|null} */
            decision: "re_enroll_treatment" | "refer_compulsory_treatment" | "no_action" | null;
            decisionNote: string | null;
            /** @example 2026-11-20 */
            detectedOn: string;
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            personId: string;
            /** @enum {string} */
            source: "visit" | "drug_test";
            /**
             * Format: uuid
             * @description the visit or drug test that showed the relapse
             */
            sourceId: string;
            /** @enum {string} */
            status: "open" | "decided";
            /** Format: uuid */
            supervisionId: string | null;
            /** Format: date-time */
            updatedAt: string;
        };
        ReminderDto: {
            /** Format: date-time */
            acknowledgedAt: string | null;
            /** @example 01001-2025-00001 */
            caseCode: string;
            /** Format: date-time */
            createdAt: string;
            /**
             * Format: date
             * @example 2025-03-01
             */
            dueDate: string;
            /** Format: uuid */
            facilityId: string | null;
            /** Format: uuid */
            id: string;
            kind: components["schemas"]["ReminderKind"];
            /** @description in Vietnamese, for the worker */
            message: string;
            /** Format: uuid */
            personId: string;
            /** Format: date-time */
            resolvedAt: string | null;
            status: components["schemas"]["ReminderStatus"];
            /**
             * Format: uuid
             * @description the follow-up, enrollment, supervision or file the reminder is about
             */
            subjectId: string;
        };
        /** @enum {string} */
        ReminderKind: "follow_up_due" | "follow_up_overdue" | "missed_doses" | "supervision_ending" | "enrollment_ending" | "management_ending" | "transfer_in" | "conflict_cap" | "self_termination" | "post_rehab_file_due" | "post_rehab_decision_due";
        ReminderPage: {
            items: components["schemas"]["ReminderDto"][];
            /** @description This page, from 1 */
            page: number;
            /** @description Items per page */
            pageSize: number;
            /** @description Items matching, over all pages */
            total: number;
        };
        /** @enum {string} */
        ReminderStatus: "open" | "acknowledged" | "resolved";
        ReplanResultDto: {
            /** @description follow-ups marked missed */
            markedMissed: number;
            /** @description jobs handed to the queue */
            planned: number;
            /** @description reminders raised by the sweep */
            raised: number;
            /** @description reminders resolved */
            resolved: number;
        };
        ReportUnitDto: {
            code: string;
            /** Format: uuid */
            id: string;
            level: components["schemas"]["UnitLevel"];
            name: string;
        };
        ResidentDto: {
            caseCode: string;
            /** Format: uuid */
            enrollmentId: string;
            fullName: string;
            /** @enum {string|null} */
            mode: "voluntary" | "compulsory" | null;
            /** Format: uuid */
            personId: string;
            /**
             * Format: date
             * @example 2025-03-01
             */
            plannedEndDate: string | null;
            /**
             * Format: date
             * @example 2025-03-01
             */
            startDate: string;
            /** @description facility: a stay at a rehabilitation facility; detention: treatment in detention */
            type: components["schemas"]["ResidentStayType"];
        };
        ResidentPage: {
            items: components["schemas"]["ResidentDto"][];
            /** @description This page, from 1 */
            page: number;
            /** @description Items per page */
            pageSize: number;
            /** @description Items matching, over all pages */
            total: number;
        };
        /**
         * @description facility: a stay at a rehabilitation facility; detention: treatment in detention
         * @enum {string}
         */
        ResidentStayType: "facility" | "detention";
        /** @enum {string} */
        Role: "admin" | "province_officer" | "commune_worker" | "clinic_staff" | "facility_staff";
        RollupCommuneDto: {
            differs: string[];
            figures: components["schemas"]["MonthlyFiguresDto"] | null;
            live: components["schemas"]["MonthlyFiguresDto"];
            /** @description not submitted after the due day */
            overdue: boolean;
            /** Format: uuid */
            parentId: string | null;
            submitted: boolean;
            /** Format: date-time */
            submittedAt: string | null;
            submittedByName: string | null;
            unit: components["schemas"]["ReportUnitDto"];
            version: number | null;
        };
        RollupFigureDto: {
            key: components["schemas"]["MonthlyFigureKey"];
            label: string;
            /** @description the live sum over the same communes, where it differs */
            live: number | null;
            /** @description the sum of the submitted snapshots */
            submitted: number;
        };
        RosterCountsDto: {
            missed: number;
            pending: number;
            taken: number;
        };
        RosterDoseDto: {
            doseMg: number | null;
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            status: "taken" | "missed";
            /** Format: date-time */
            updatedAt: string;
        };
        RosterDoseRowDto: {
            /** @description mg; when taken and absent, the dose prescribed for the day; absent when missed */
            doseMg?: number;
            /** Format: uuid */
            enrollmentId: string;
            /**
             * @description only for a missed dose: why it was missed, passed to the dose record
             * @enum {string}
             */
            missedReason?: "sick" | "hospitalised" | "detained" | "permitted_travel" | "other";
            /** @enum {string} */
            status: "taken" | "missed";
        };
        RosterDoseViewDto: {
            /** Format: date-time */
            createdAt: string;
            date: string;
            doseMg: number | null;
            /** Format: uuid */
            enrollmentId: string;
            /** Format: uuid */
            id: string;
            /**
             * @description why a missed dose was missed
             * @enum {string|null}
             */
            missedReason: "sick" | "hospitalised" | "detained" | "permitted_travel" | "other" | null;
            /** Format: uuid */
            recordedBy: string | null;
            /** @enum {string} */
            status: "taken" | "missed";
            /** Format: date-time */
            updatedAt: string;
        };
        RosterItemDto: {
            caseCode: string;
            /** @description missed doses in a row up to the day (after the last taken one) */
            consecutiveMissedDays: number;
            /** @enum {string} */
            dayStatus: "pending" | "taken" | "missed";
            /** @description the day's dose record, if recorded */
            dose: components["schemas"]["RosterDoseDto"] | null;
            /** Format: uuid */
            enrollmentId: string;
            fullName: string;
            /** @description the last day a dose was taken, up to the day */
            lastTakenOn: string | null;
            /** Format: uuid */
            personId: string;
            plannedEndDate: string | null;
            /** @description the dose prescribed for the day, if any */
            prescribedDoseMg: number | null;
            /** Format: uuid */
            prescriptionId: string | null;
            /** @example 2026-06-01 */
            startDate: string;
        };
        RosterPageDto: {
            /** @description the whole roster's day, whatever the status filter */
            counts: components["schemas"]["RosterCountsDto"];
            /** @example 2026-11-20 */
            date: string;
            /** Format: uuid */
            facilityId: string;
            items: components["schemas"]["RosterItemDto"][];
            page: number;
            pageSize: number;
            total: number;
        };
        RosterRowResultDto: {
            /** @description the dose as recorded (ok rows) */
            dose?: components["schemas"]["RosterDoseViewDto"];
            /** Format: uuid */
            enrollmentId: string;
            /** @description why the row was not recorded (failed rows) */
            error?: components["schemas"]["RowErrorDto"];
            /** @description the row’s position in the request, from 0 */
            index: number;
            ok: boolean;
        };
        RosterWriteDto: {
            date: string;
            /** Format: uuid */
            facilityId: string;
            failed: number;
            recorded: number;
            results: components["schemas"]["RosterRowResultDto"][];
        };
        RowErrorDto: {
            /** @example conflict */
            code: components["schemas"]["ErrorCode"];
            /**
             * @example [
             *       "the enrollment has ended; doses are recorded for active enrollments only"
             *     ]
             */
            message: string[];
            /** @example 409 */
            statusCode: number;
        };
        ServiceContactDto: {
            /** Format: date-time */
            createdAt: string;
            /**
             * Format: uuid
             * @description the user who recorded it
             */
            createdBy: string | null;
            /**
             * Format: date
             * @example 2025-03-01
             */
            date: string;
            /** Format: uuid */
            facilityId: string | null;
            /** Format: uuid */
            id: string;
            notes: string | null;
            /** Format: uuid */
            personId: string;
            type: components["schemas"]["ServiceType"];
        };
        ServiceContactPage: {
            items: components["schemas"]["ServiceContactDto"][];
            /** @description This page, from 1 */
            page: number;
            /** @description Items per page */
            pageSize: number;
            /** @description Items matching, over all pages */
            total: number;
        };
        ServiceCountsDto: {
            community: number;
            counseling: number;
            facility: number;
            medical: number;
            methadone: number;
            support: number;
        };
        /** @enum {string} */
        ServiceType: "counseling" | "support" | "medical" | "vocational" | "job" | "loan";
        SessionDto: {
            /** @description the login this request was made with */
            current: boolean;
            /**
             * Format: date-time
             * @description when its latest refresh token expires
             */
            expiresAt: string;
            /**
             * Format: uuid
             * @description the login (refresh-token family)
             */
            id: string;
            /**
             * Format: date-time
             * @description when its tokens were last renewed
             */
            lastRefreshedAt: string;
            /**
             * Format: date-time
             * @description when the user signed in
             */
            startedAt: string;
        };
        SessionListDto: {
            items: components["schemas"]["SessionDto"][];
            total: number;
        };
        /** @enum {string} */
        Sex: "male" | "female";
        SubmitMonthlyReportDto: {
            /** @description the commune worker's comment on the month */
            comment?: string;
            /** @description true to submit a corrected version of a month already submitted (the old one is kept) */
            correction?: boolean;
            /**
             * @description the month, YYYY-MM
             * @example 2025-03
             */
            month: string;
            /**
             * Format: uuid
             * @description a commune
             */
            unitId: string;
        };
        SubmittedMonthlyReportDto: {
            comment: string | null;
            figures: components["schemas"]["MonthlyFiguresDto"];
            /** Format: uuid */
            id: string;
            /** @example 2025-03 */
            month: string;
            shares: components["schemas"]["MonthlySharesDto"];
            /** Format: date-time */
            submittedAt: string;
            /** Format: uuid */
            submittedBy: string;
            /** @description the submitter's full name, or username */
            submittedByName: string;
            unit: components["schemas"]["ReportUnitDto"];
            version: number;
        };
        SupervisionDto: {
            /** Format: date-time */
            createdAt: string;
            /** @description number of the post-rehab management decision */
            decisionNo: string | null;
            /**
             * Format: date
             * @example 2025-03-01
             */
            decisionOn: string | null;
            /**
             * Format: date
             * @example 2025-03-01
             */
            endDate: string;
            /**
             * Format: date
             * @example 2025-03-01
             */
            endedOn: string | null;
            followUps: components["schemas"]["FollowUpDto"][];
            /** Format: uuid */
            id: string;
            intervalDays: number;
            /** @enum {string|null} */
            outcome: "completed" | "relapsed" | "moved_away" | "deceased" | "other" | null;
            /** Format: uuid */
            personId: string;
            /**
             * Format: uuid
             * @description the completed treatment that opened it
             */
            sourceEnrollmentId: string | null;
            /**
             * Format: date
             * @example 2025-03-01
             */
            startDate: string;
            status: components["schemas"]["SupervisionStatus"];
            /** Format: uuid */
            supervisorUserId: string | null;
            /** @description the dated rule that set the default term */
            termRule: string | null;
            /** Format: date-time */
            updatedAt: string;
            /** @description send it back with a change (optimistic locking) */
            version: number;
            /** @description one supervision read: its visits */
            visits?: components["schemas"]["VisitDto"][];
        };
        SupervisionPage: {
            items: components["schemas"]["SupervisionDto"][];
            /** @description This page, from 1 */
            page: number;
            /** @description Items per page */
            pageSize: number;
            /** @description Items matching, over all pages */
            total: number;
        };
        /** @enum {string} */
        SupervisionStatus: "active" | "ended";
        TaskCountsDto: {
            dose_not_recorded: number;
            enrollment_ending: number;
            follow_up_due: number;
            follow_up_overdue: number;
            management_ending: number;
            missed_doses: number;
            relapse: number;
            stay_ending: number;
            supervision_ending: number;
            transfer_decision: number;
            transfer_in: number;
            transfer_waiting: number;
        };
        TaskDto: {
            assignedToMe: boolean;
            /**
             * Format: uuid
             * @description the responsible worker, when the task has one
             */
            assignedUserId: string | null;
            caseCode: string;
            /** @example 2026-11-20 */
            dueDate: string;
            fullName: string;
            /** @enum {string} */
            kind: "follow_up_due" | "follow_up_overdue" | "supervision_ending" | "management_ending" | "enrollment_ending" | "relapse" | "transfer_in" | "transfer_waiting" | "transfer_decision" | "missed_doses" | "dose_not_recorded" | "stay_ending";
            /** Format: uuid */
            personId: string;
            /**
             * Format: uuid
             * @description the reminder that announced it, if one is still open
             */
            reminderId: string | null;
            /** Format: uuid */
            residenceUnitId: string;
            /**
             * Format: uuid
             * @description the follow-up, supervision, enrollment, relapse task, transfer request or file the task is about
             */
            subjectId: string;
            /**
             * @description overdue (due before today), today, or upcoming
             * @enum {string}
             */
            urgency: "overdue" | "today" | "upcoming";
        };
        TaskListDto: {
            /** @description tasks per kind under the other filters (for a badge) */
            counts: components["schemas"]["TaskCountsDto"];
            items: components["schemas"]["TaskDto"][];
            /** @description overdue tasks under the filters */
            overdue: number;
            page: number;
            pageSize: number;
            /** @example 2026-11-20 */
            today: string;
            total: number;
        };
        TimelineEventDto: {
            /**
             * Format: date
             * @example 2025-03-01
             */
            date: string;
            /** @description visit: negative, positive or not_done */
            drugTest?: string;
            /**
             * Format: date
             * @description supervision_started
             * @example 2025-03-01
             */
            endDate?: string;
            /**
             * Format: uuid
             * @description enrollment_*, service, drug_test
             */
            facilityId?: string | null;
            /**
             * @description status_changed
             * @enum {string}
             */
            from?: "using" | "addicted";
            /**
             * Format: uuid
             * @description moved
             */
            fromUnitId?: string;
            /**
             * Format: uuid
             * @description the id of the event, enrollment, service, supervision or visit
             */
            id: string;
            /**
             * Format: uuid
             * @description registered: the import that created the file
             */
            importId?: string;
            /** @description supervision_started */
            intervalDays?: number;
            kind: components["schemas"]["TimelineEventKind"];
            /** @description merged: the case code of the file merged into this one */
            mergedCaseCode?: string;
            /** @description an event of a file merged into this one: that file’s case code */
            mergedFromCaseCode?: string;
            /** @description closed as merged_into: the surviving file’s case code */
            mergedIntoCaseCode?: string;
            /**
             * Format: uuid
             * @description closed as merged_into: the surviving file
             */
            mergedIntoId?: string;
            /**
             * Format: uuid
             * @description merged: the file merged into this one
             */
            mergedPersonId?: string;
            /** @description visit: home_visit, phone or office; drug_test: urine_rapid, saliva, blood, hair or other */
            method?: string;
            /** @description enrollment_*: voluntary or compulsory */
            mode?: string | null;
            /** @description enrollment_ended, supervision_ended */
            outcome?: string | null;
            /**
             * Format: uuid
             * @description merged: the duplicate pair that was marked the same person
             */
            pairId?: string;
            /**
             * Format: date
             * @description enrollment_started
             * @example 2025-03-01
             */
            plannedEndDate?: string | null;
            /**
             * @description closed
             * @enum {string}
             */
            reason?: "moved_away" | "deceased" | "management_ended" | "detained" | "other" | "commune_education" | "reformatory" | "imprisoned" | "merged_into";
            /** @description visit */
            relapse?: boolean;
            /**
             * Format: uuid
             * @description registered: the commune
             */
            residenceUnitId?: string;
            /** @description drug_test: negative, positive or invalid */
            result?: string;
            /**
             * Format: uuid
             * @description supervision_started
             */
            sourceEnrollmentId?: string | null;
            /**
             * @description registered: the status at registration
             * @enum {string}
             */
            status?: "using" | "addicted";
            /** @description drug_test: what the test found */
            substances?: string[];
            /**
             * Format: uuid
             * @description visit
             */
            supervisionId?: string;
            /**
             * @description status_changed
             * @enum {string}
             */
            to?: "using" | "addicted";
            /**
             * Format: uuid
             * @description moved
             */
            toUnitId?: string;
            /** @description enrollment_*: community, methadone or facility; service: counseling, support, medical or vocational */
            type?: string;
        };
        /** @enum {string} */
        TimelineEventKind: "registered" | "status_changed" | "management_decision" | "moved" | "closed" | "merged" | "enrollment_started" | "enrollment_ended" | "service" | "supervision_started" | "supervision_ended" | "visit" | "drug_test";
        TimelineEventPage: {
            items: components["schemas"]["TimelineEventDto"][];
            /** @description This page, from 1 */
            page: number;
            /** @description Items per page */
            pageSize: number;
            /** @description Items matching, over all pages */
            total: number;
        };
        TokenPairDto: {
            /** @description send as `Authorization: Bearer <accessToken>` */
            accessToken: string;
            /** @description one use: POST /auth/refresh answers a new pair */
            refreshToken: string;
            user: components["schemas"]["UserDto"];
        };
        /**
         * @description request: asked by a worker; national_id_conflict: a national id written in the receiving commune's area was found open here
         * @enum {string}
         */
        TransferOrigin: "request" | "national_id_conflict";
        TransferRequestDto: {
            /**
             * Format: uuid
             * @description the smallest unit holding both communes; null: administrators decide
             */
            approverUnitId: string | null;
            /** @description null when the caller may not see the file */
            caseCode: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            decidedAt: string | null;
            /**
             * @description for commune workers: whether the file comes to or leaves the caller's area
             * @enum {string|null}
             */
            direction: "in" | "out" | null;
            /** Format: uuid */
            fromUnitId: string;
            /** @description null when the caller may not see the file */
            fullName: string | null;
            /** Format: uuid */
            id: string;
            /**
             * Format: date
             * @description the day the file moved (accepted requests)
             * @example 2025-03-01
             */
            movedOn: string | null;
            /** @description the name-free trace left to the sending commune, e.g. "moved out on 2026-11-30" */
            note: string | null;
            /** @description request: asked by a worker; national_id_conflict: a national id written in the receiving commune's area was found open here */
            origin: components["schemas"]["TransferOrigin"];
            /**
             * Format: uuid
             * @description null when the caller may not see the file (now or any more)
             */
            personId: string | null;
            reason: string | null;
            refusalReason: string | null;
            status: components["schemas"]["TransferStatus"];
            /** Format: uuid */
            toUnitId: string;
        };
        TransferRequestPage: {
            items: components["schemas"]["TransferRequestDto"][];
            /** @description This page, from 1 */
            page: number;
            /** @description Items per page */
            pageSize: number;
            /** @description Items matching, over all pages */
            total: number;
        };
        /** @enum {string} */
        TransferStatus: "pending" | "accepted" | "refused";
        TrendDto: {
            indicator: components["schemas"]["TrendIndicator"];
            points: components["schemas"]["TrendPointDto"][];
            /** @description the target of a share */
            target: number | null;
            unit: components["schemas"]["ReportUnitDto"];
        };
        /** @enum {string} */
        TrendIndicator: "withFiles" | "reachedServices" | "share" | "community" | "methadone" | "facility" | "counseling" | "support" | "medical" | "postRehabSupervised" | "postRehabSupported" | "postRehabShare" | "detentionHeld" | "detentionTreated" | "detentionShare" | "peopleWithFiles" | "filesPer1000";
        TrendPointDto: {
            /** @example 2025-03 */
            month: string;
            /** @description null for a month without a stored snapshot */
            value: number | null;
        };
        UnitFiguresDto: {
            byService: components["schemas"]["ServiceCountsDto"];
            detention: components["schemas"]["DetentionFiguresDto"];
            postRehab: components["schemas"]["PostRehabFiguresDto"];
            /** @description null without a known population */
            rates: components["schemas"]["PopulationRatesDto"] | null;
            reachedServices: number;
            /** @description reachedServices / withFiles, exact (0 without people) */
            share: number;
            target: number;
            unit: components["schemas"]["CoverageUnitDto"];
            withFiles: number;
        };
        /** @enum {string} */
        UnitLevel: "province" | "district" | "commune";
        UnreachedPersonDto: {
            caseCode: string;
            fullName: string;
            /** Format: uuid */
            id: string;
            /**
             * Format: date
             * @description latest enrollment start or service contact, at any time; null if none ever
             * @example 2025-03-01
             */
            lastServiceDate: string | null;
            /** Format: uuid */
            residenceUnitId: string;
            residenceUnitName: string;
        };
        UnreachedPersonPage: {
            items: components["schemas"]["UnreachedPersonDto"][];
            /** @description This page, from 1 */
            page: number;
            /** @description Items per page */
            pageSize: number;
            /** @description Items matching, over all pages */
            total: number;
        };
        UpdateAdminUnitDto: {
            /** @example Xã Tân Lập */
            name?: string;
            /** @description residents, for rates per population; null clears it */
            population?: number | null;
        };
        UpdateFacilityDto: {
            adminUnitId?: string;
            /** @example Cơ sở điều trị Methadone Đống Đa */
            name?: string;
            /**
             * @description only while no user or enrollment refers to the facility
             * @enum {string}
             */
            type?: "methadone_clinic" | "rehab_facility" | "health_station" | "detention_facility";
        };
        UpdatePersonDto: {
            address?: string | null;
            /** Format: date */
            dateOfBirth?: string;
            fullName?: string;
            inDetention?: boolean;
            /**
             * @description number of the commune's management decision
             * @example 25/QĐ-UBND
             */
            managementDecisionNo?: string | null;
            /**
             * Format: date
             * @description a new date records a new management decision
             */
            managementDecisionOn?: string | null;
            /** @description 12 digits; null clears it */
            nationalId?: string | null;
            phone?: string | null;
            /** Format: date */
            registeredOn?: string;
            /**
             * Format: uuid
             * @description a commune; a change is a move
             */
            residenceUnitId?: string;
            /** @enum {string} */
            sex?: "male" | "female";
            /** @enum {string} */
            status?: "using" | "addicted";
            substances?: string[];
            /** @description the version read; a stale one answers 409 */
            version: number;
        };
        UpdateSupervisionDto: {
            /**
             * @description number of the post-rehab management decision (Decree 116/2021 Art 78); given with decisionOn
             * @example 15/QĐ-UBND
             */
            decisionNo?: string;
            /**
             * @description date of the post-rehab management decision; given with decisionNo
             * @example 2026-04-03
             */
            decisionOn?: string;
            /** Format: date */
            endDate?: string;
            intervalDays?: number;
            /** Format: uuid */
            supervisorUserId?: string | null;
            /** @description the version the client read */
            version: number;
        };
        UpdateUserDto: {
            /** @description false locks the user out at once */
            active?: boolean;
            adminUnitId?: string;
            facilityId?: string | null;
            fullName?: string;
            password?: string;
            /** @enum {string} */
            role?: "admin" | "province_officer" | "commune_worker" | "clinic_staff" | "facility_staff";
        };
        UserDto: {
            /** @description false: locked out */
            active: boolean;
            /**
             * Format: uuid
             * @description the area the user works in; null for administrators
             */
            adminUnitId: string | null;
            /** Format: date-time */
            createdAt: string;
            /**
             * Format: uuid
             * @description clinic and facility staff: their facility
             */
            facilityId: string | null;
            /** @example Trần Thị Bình */
            fullName: string | null;
            /** Format: uuid */
            id: string;
            role: components["schemas"]["Role"];
            /** Format: date-time */
            updatedAt: string;
            /** @example cb.tanlap */
            username: string;
        };
        UserPage: {
            items: components["schemas"]["UserDto"][];
            /** @description This page, from 1 */
            page: number;
            /** @description Items per page */
            pageSize: number;
            /** @description Items matching, over all pages */
            total: number;
        };
        VisitDto: {
            /** Format: date-time */
            createdAt: string;
            drugTest: components["schemas"]["DrugTest"];
            /**
             * Format: uuid
             * @description the follow-up it completed
             */
            followUpId: string | null;
            /** Format: uuid */
            id: string;
            method: components["schemas"]["VisitMethod"];
            notes: string | null;
            /** Format: uuid */
            recordedBy: string | null;
            relapse: boolean;
            /** Format: uuid */
            supervisionId: string;
            /**
             * Format: date
             * @example 2025-03-01
             */
            visitDate: string;
        };
        /** @enum {string} */
        VisitMethod: "home_visit" | "phone" | "office";
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    listAdminUnits: {
        parameters: {
            query?: {
                level?: "province" | "district" | "commune";
                page?: number;
                pageSize?: number;
                parentId?: string;
                /** @description code or name */
                q?: string;
                /** @description only units inside this one */
                withinUnitId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of results */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminUnitPage"];
                };
            };
            /** @description Bad Request (code: validation_failed, bad_request, invalid_reference) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unauthorized: missing, invalid or expired access token (code: unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Internal Server Error: a fault on the server (code: internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Service Unavailable: PostgreSQL, Redis or the job queue is unavailable; try again shortly (code: service_unavailable) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    createAdminUnit: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateAdminUnitDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminUnitDto"];
                };
            };
            /** @description Bad Request (code: validation_failed, bad_request, invalid_reference) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unauthorized: missing, invalid or expired access token (code: unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Forbidden: for roles other than admin (code: forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Conflict (code: conflict, version_conflict, concurrent_update, possible_duplicate, national_id_mismatch, file_closed, merge_conflict, pair_already_reviewed, legal_term_not_reached) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Payload Too Large: the body is too large (1 MiB; an import upload 20 MiB) (code: payload_too_large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unsupported Media Type: the body is not of a type the route reads (code: unsupported_media_type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Internal Server Error: a fault on the server (code: internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Service Unavailable: PostgreSQL, Redis or the job queue is unavailable; try again shortly (code: service_unavailable) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    getAdminUnit: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminUnitDto"];
                };
            };
            /** @description Bad Request (code: validation_failed, bad_request, invalid_reference) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unauthorized: missing, invalid or expired access token (code: unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Not Found (code: not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description URI Too Long: a path segment is too long (code: uri_too_long) */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Internal Server Error: a fault on the server (code: internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Service Unavailable: PostgreSQL, Redis or the job queue is unavailable; try again shortly (code: service_unavailable) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    updateAdminUnit: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateAdminUnitDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminUnitDto"];
                };
            };
            /** @description Bad Request (code: validation_failed, bad_request, invalid_reference) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unauthorized: missing, invalid or expired access token (code: unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Forbidden: for roles other than admin (code: forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Not Found (code: not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Payload Too Large: the body is too large (1 MiB; an import upload 20 MiB) (code: payload_too_large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description URI Too Long: a path segment is too long (code: uri_too_long) */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unsupported Media Type: the body is not of a type the route reads (code: unsupported_media_type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Internal Server Error: a fault on the server (code: internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Service Unavailable: PostgreSQL, Redis or the job queue is unavailable; try again shortly (code: service_unavailable) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    listAuditLogs: {
        parameters: {
            query?: {
                action?: string;
                entity?: string;
                entityId?: string;
                /** @description ISO 8601 time, inclusive */
                from?: string;
                page?: number;
                pageSize?: number;
                /** @description ISO 8601 time, inclusive */
                to?: string;
                /** @description the acting user */
                userId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of results */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditLogPage"];
                };
            };
            /** @description Bad Request (code: validation_failed, bad_request, invalid_reference) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unauthorized: missing, invalid or expired access token (code: unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Forbidden: for roles other than admin (code: forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Internal Server Error: a fault on the server (code: internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Service Unavailable: PostgreSQL, Redis or the job queue is unavailable; try again shortly (code: service_unavailable) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoginDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenPairDto"];
                };
            };
            /** @description Bad Request (code: validation_failed, bad_request, invalid_reference) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unauthorized (code: unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Payload Too Large: the body is too large (1 MiB; an import upload 20 MiB) (code: payload_too_large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unsupported Media Type: the body is not of a type the route reads (code: unsupported_media_type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Too Many Requests (code: too_many_requests) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Internal Server Error: a fault on the server (code: internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Service Unavailable: PostgreSQL, Redis or the job queue is unavailable; try again shortly (code: service_unavailable) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    logout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Logged out */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad Request: the body is not valid JSON or breaks a rule (code: validation_failed, bad_request, invalid_reference) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unauthorized: missing, invalid or expired access token (code: unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Payload Too Large: the body is too large (1 MiB; an import upload 20 MiB) (code: payload_too_large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unsupported Media Type: the body is not of a type the route reads (code: unsupported_media_type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Internal Server Error: a fault on the server (code: internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Service Unavailable: PostgreSQL, Redis or the job queue is unavailable; try again shortly (code: service_unavailable) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    getMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserDto"];
                };
            };
            /** @description Unauthorized: missing, invalid or expired access token (code: unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Internal Server Error: a fault on the server (code: internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Service Unavailable: PostgreSQL, Redis or the job queue is unavailable; try again shortly (code: service_unavailable) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    changeOwnPassword: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChangePasswordDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PasswordChangedDto"];
                };
            };
            /** @description Bad Request (code: validation_failed, bad_request, invalid_reference) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unauthorized: missing, invalid or expired access token (code: unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Payload Too Large: the body is too large (1 MiB; an import upload 20 MiB) (code: payload_too_large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unsupported Media Type: the body is not of a type the route reads (code: unsupported_media_type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Too Many Requests (code: too_many_requests) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Internal Server Error: a fault on the server (code: internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Service Unavailable: PostgreSQL, Redis or the job queue is unavailable; try again shortly (code: service_unavailable) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    refreshTokens: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RefreshDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenPairDto"];
                };
            };
            /** @description Bad Request (code: validation_failed, bad_request, invalid_reference) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unauthorized (code: unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Payload Too Large: the body is too large (1 MiB; an import upload 20 MiB) (code: payload_too_large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unsupported Media Type: the body is not of a type the route reads (code: unsupported_media_type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Internal Server Error: a fault on the server (code: internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Service Unavailable: PostgreSQL, Redis or the job queue is unavailable; try again shortly (code: service_unavailable) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    listOwnSessions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionListDto"];
                };
            };
            /** @description Unauthorized: missing, invalid or expired access token (code: unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Internal Server Error: a fault on the server (code: internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Service Unavailable: PostgreSQL, Redis or the job queue is unavailable; try again shortly (code: service_unavailable) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    endOwnSession: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description ended */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad Request (code: validation_failed, bad_request, invalid_reference) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unauthorized: missing, invalid or expired access token (code: unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Not Found (code: not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description URI Too Long: a path segment is too long (code: uri_too_long) */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Internal Server Error: a fault on the server (code: internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Service Unavailable: PostgreSQL, Redis or the job queue is unavailable; try again shortly (code: service_unavailable) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    getClinicRoster: {
        parameters: {
            query?: {
                /** @description the day (default: today); not in the future */
                date?: string;
                /** @description admin only: the clinic (clinic staff see their own) */
                facilityId?: string;
                page?: number;
                pageSize?: number;
                /** @description name (with or without diacritics) or case code */
                q?: string;
                /** @description the day's dose: pending (not recorded yet), taken or missed */
                status?: "pending" | "taken" | "missed";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RosterPageDto"];
                };
            };
            /** @description Bad Request (code: validation_failed, bad_request, invalid_reference) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unauthorized: missing, invalid or expired access token (code: unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Forbidden: for roles other than admin, clinic_staff (code: forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Not Found (code: not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Internal Server Error: a fault on the server (code: internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Service Unavailable: PostgreSQL, Redis or the job queue is unavailable; try again shortly (code: service_unavailable) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    recordClinicRosterDoses: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RecordRosterDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RosterWriteDto"];
                };
            };
            /** @description Bad Request (code: validation_failed, bad_request, invalid_reference) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unauthorized: missing, invalid or expired access token (code: unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Forbidden: for roles other than admin, clinic_staff (code: forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Not Found (code: not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Payload Too Large: the body is too large (1 MiB; an import upload 20 MiB) (code: payload_too_large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unsupported Media Type: the body is not of a type the route reads (code: unsupported_media_type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Internal Server Error: a fault on the server (code: internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Service Unavailable: PostgreSQL, Redis or the job queue is unavailable; try again shortly (code: service_unavailable) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    listDuplicatePairs: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
                status?: "pending" | "same" | "distinct";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of results */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DuplicatePairPage"];
                };
            };
            /** @description Bad Request (code: validation_failed, bad_request, invalid_reference) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unauthorized: missing, invalid or expired access token (code: unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Forbidden: for roles other than admin, province_officer (code: forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Internal Server Error: a fault on the server (code: internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Service Unavailable: PostgreSQL, Redis or the job queue is unavailable; try again shortly (code: service_unavailable) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    decideDuplicatePair: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DecisionDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DecisionResultDto"];
                };
            };
            /** @description Bad Request (code: validation_failed, bad_request, invalid_reference) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unauthorized: missing, invalid or expired access token (code: unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Forbidden: for roles other than admin, province_officer (code: forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Not Found (code: not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Conflict (code: conflict, version_conflict, concurrent_update, possible_duplicate, national_id_mismatch, file_closed, merge_conflict, pair_already_reviewed, legal_term_not_reached) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Payload Too Large: the body is too large (1 MiB; an import upload 20 MiB) (code: payload_too_large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description URI Too Long: a path segment is too long (code: uri_too_long) */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unsupported Media Type: the body is not of a type the route reads (code: unsupported_media_type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Internal Server Error: a fault on the server (code: internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Service Unavailable: PostgreSQL, Redis or the job queue is unavailable; try again shortly (code: service_unavailable) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    findDuplicates: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["FindDuplicatesDto"];
            };
        };
        responses: {
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FindDuplicatesAcceptedDto"];
                };
            };
            /** @description Bad Request (code: validation_failed, bad_request, invalid_reference) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unauthorized: missing, invalid or expired access token (code: unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Forbidden: for roles other than admin, province_officer (code: forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Not Found (code: not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Payload Too Large: the body is too large (1 MiB; an import upload 20 MiB) (code: payload_too_large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unsupported Media Type: the body is not of a type the route reads (code: unsupported_media_type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Internal Server Error: a fault on the server (code: internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Service Unavailable: PostgreSQL, Redis or the job queue is unavailable; try again shortly (code: service_unavailable) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    getDuplicatesRun: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                jobId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DuplicatesJobDto"];
                };
            };
            /** @description Bad Request (code: validation_failed, bad_request, invalid_reference) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unauthorized: missing, invalid or expired access token (code: unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Forbidden: for roles other than admin, province_officer (code: forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Not Found (code: not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description URI Too Long: a path segment is too long (code: uri_too_long) */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Internal Server Error: a fault on the server (code: internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Service Unavailable: PostgreSQL, Redis or the job queue is unavailable; try again shortly (code: service_unavailable) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    getEnrollment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EnrollmentDetailDto"];
                };
            };
            /** @description Bad Request (code: validation_failed, bad_request, invalid_reference) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unauthorized: missing, invalid or expired access token (code: unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Not Found (code: not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description URI Too Long: a path segment is too long (code: uri_too_long) */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Internal Server Error: a fault on the server (code: internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Service Unavailable: PostgreSQL, Redis or the job queue is unavailable; try again shortly (code: service_unavailable) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    listDoses: {
        parameters: {
            query?: {
                /** @description first day (inclusive) */
                from?: string;
                page?: number;
                pageSize?: number;
                /** @description last day (inclusive) */
                to?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of results */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DosePage"];
                };
            };
            /** @description Bad Request (code: validation_failed, bad_request, invalid_reference) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unauthorized: missing, invalid or expired access token (code: unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Forbidden: for roles other than admin, clinic_staff (code: forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Not Found (code: not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description URI Too Long: a path segment is too long (code: uri_too_long) */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Internal Server Error: a fault on the server (code: internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Service Unavailable: PostgreSQL, Redis or the job queue is unavailable; try again shortly (code: service_unavailable) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    recordDose: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RecordDoseDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DoseDto"];
                };
            };
            /** @description Bad Request (code: validation_failed, bad_request, invalid_reference) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unauthorized: missing, invalid or expired access token (code: unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Forbidden: for roles other than admin, clinic_staff (code: forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Not Found (code: not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Conflict (code: conflict, version_conflict, concurrent_update, possible_duplicate, national_id_mismatch, file_closed, merge_conflict, pair_already_reviewed, legal_term_not_reached) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Payload Too Large: the body is too large (1 MiB; an import upload 20 MiB) (code: payload_too_large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description URI Too Long: a path segment is too long (code: uri_too_long) */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unsupported Media Type: the body is not of a type the route reads (code: unsupported_media_type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Internal Server Error: a fault on the server (code: internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Service Unavailable: PostgreSQL, Redis or the job queue is unavailable; try again shortly (code: service_unavailable) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    endEnrollment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EndEnrollmentDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EndedEnrollmentDto"];
                };
            };
            /** @description Bad Request (code: validation_failed, bad_request, invalid_reference) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unauthorized: missing, invalid or expired access token (code: unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Forbidden: for roles other than admin, commune_worker, clinic_staff, facility_staff (code: forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Not Found (code: not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Conflict (code: conflict, version_conflict, concurrent_update, possible_duplicate, national_id_mismatch, file_closed, merge_conflict, pair_already_reviewed, legal_term_not_reached) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Payload Too Large: the body is too large (1 MiB; an import upload 20 MiB) (code: payload_too_large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description URI Too Long: a path segment is too long (code: uri_too_long) */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unsupported Media Type: the body is not of a type the route reads (code: unsupported_media_type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Internal Server Error: a fault on the server (code: internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Service Unavailable: PostgreSQL, Redis or the job queue is unavailable; try again shortly (code: service_unavailable) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    listDosePrescriptions: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PrescriptionPageDto"];
                };
            };
            /** @description Bad Request (code: validation_failed, bad_request, invalid_reference) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unauthorized: missing, invalid or expired access token (code: unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Forbidden: for roles other than admin, clinic_staff (code: forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Not Found (code: not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description URI Too Long: a path segment is too long (code: uri_too_long) */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Internal Server Error: a fault on the server (code: internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Service Unavailable: PostgreSQL, Redis or the job queue is unavailable; try again shortly (code: service_unavailable) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    createDosePrescription: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreatePrescriptionDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PrescriptionDto"];
                };
            };
            /** @description Bad Request (code: validation_failed, bad_request, invalid_reference) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unauthorized: missing, invalid or expired access token (code: unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Forbidden: for roles other than admin, clinic_staff (code: forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Not Found (code: not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Conflict (code: conflict, version_conflict, concurrent_update, possible_duplicate, national_id_mismatch, file_closed, merge_conflict, pair_already_reviewed, legal_term_not_reached) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Payload Too Large: the body is too large (1 MiB; an import upload 20 MiB) (code: payload_too_large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description URI Too Long: a path segment is too long (code: uri_too_long) */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unsupported Media Type: the body is not of a type the route reads (code: unsupported_media_type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Internal Server Error: a fault on the server (code: internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Service Unavailable: PostgreSQL, Redis or the job queue is unavailable; try again shortly (code: service_unavailable) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    listFacilities: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
                type?: "methadone_clinic" | "rehab_facility" | "health_station" | "detention_facility";
                /** @description facilities located in this unit or below it */
                unitId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of results */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FacilityPage"];
                };
            };
            /** @description Bad Request (code: validation_failed, bad_request, invalid_reference) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unauthorized: missing, invalid or expired access token (code: unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Internal Server Error: a fault on the server (code: internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Service Unavailable: PostgreSQL, Redis or the job queue is unavailable; try again shortly (code: service_unavailable) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    createFacility: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateFacilityDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FacilityDto"];
                };
            };
            /** @description Bad Request (code: validation_failed, bad_request, invalid_reference) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unauthorized: missing, invalid or expired access token (code: unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Forbidden: for roles other than admin (code: forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Conflict (code: conflict, version_conflict, concurrent_update, possible_duplicate, national_id_mismatch, file_closed, merge_conflict, pair_already_reviewed, legal_term_not_reached) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Payload Too Large: the body is too large (1 MiB; an import upload 20 MiB) (code: payload_too_large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unsupported Media Type: the body is not of a type the route reads (code: unsupported_media_type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Internal Server Error: a fault on the server (code: internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Service Unavailable: PostgreSQL, Redis or the job queue is unavailable; try again shortly (code: service_unavailable) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    getFacility: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FacilityDto"];
                };
            };
            /** @description Bad Request (code: validation_failed, bad_request, invalid_reference) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unauthorized: missing, invalid or expired access token (code: unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Not Found (code: not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description URI Too Long: a path segment is too long (code: uri_too_long) */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Internal Server Error: a fault on the server (code: internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Service Unavailable: PostgreSQL, Redis or the job queue is unavailable; try again shortly (code: service_unavailable) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    updateFacility: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateFacilityDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FacilityDto"];
                };
            };
            /** @description Bad Request (code: validation_failed, bad_request, invalid_reference) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unauthorized: missing, invalid or expired access token (code: unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Forbidden: for roles other than admin (code: forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Not Found (code: not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Conflict (code: conflict, version_conflict, concurrent_update, possible_duplicate, national_id_mismatch, file_closed, merge_conflict, pair_already_reviewed, legal_term_not_reached) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Payload Too Large: the body is too large (1 MiB; an import upload 20 MiB) (code: payload_too_large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description URI Too Long: a path segment is too long (code: uri_too_long) */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unsupported Media Type: the body is not of a type the route reads (code: unsupported_media_type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Internal Server Error: a fault on the server (code: internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Service Unavailable: PostgreSQL, Redis or the job queue is unavailable; try again shortly (code: service_unavailable) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    listFacilityResidents: {
        parameters: {
            query?: {
                /** @description admin only: the rehabilitation or detention facility (facility staff see their own) */
                facilityId?: string;
                page?: number;
                pageSize?: number;
                /** @description name (with or without diacritics) or case code */
                q?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of results */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ResidentPage"];
                };
            };
            /** @description Bad Request (code: validation_failed, bad_request, invalid_reference) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unauthorized: missing, invalid or expired access token (code: unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Forbidden: for roles other than admin, facility_staff (code: forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Not Found (code: not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Internal Server Error: a fault on the server (code: internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Service Unavailable: PostgreSQL, Redis or the job queue is unavailable; try again shortly (code: service_unavailable) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    listImports: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of results */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportSummaryPage"];
                };
            };
            /** @description Bad Request (code: validation_failed, bad_request, invalid_reference) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unauthorized: missing, invalid or expired access token (code: unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Forbidden: for roles other than admin, commune_worker (code: forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Internal Server Error: a fault on the server (code: internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Service Unavailable: PostgreSQL, Redis or the job queue is unavailable; try again shortly (code: service_unavailable) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    getImport: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportDto"];
                };
            };
            /** @description Bad Request (code: validation_failed, bad_request, invalid_reference) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unauthorized: missing, invalid or expired access token (code: unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Forbidden: for roles other than admin, commune_worker (code: forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Not Found (code: not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description URI Too Long: a path segment is too long (code: uri_too_long) */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Internal Server Error: a fault on the server (code: internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Service Unavailable: PostgreSQL, Redis or the job queue is unavailable; try again shortly (code: service_unavailable) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    getImportErrorReport: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The error report workbook */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
            /** @description Bad Request (code: validation_failed, bad_request, invalid_reference) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unauthorized: missing, invalid or expired access token (code: unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Forbidden: for roles other than admin, commune_worker (code: forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Not Found (code: not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description URI Too Long: a path segment is too long (code: uri_too_long) */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Internal Server Error: a fault on the server (code: internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Service Unavailable: PostgreSQL, Redis or the job queue is unavailable; try again shortly (code: service_unavailable) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    uploadImport: {
        parameters: {
            query?: {
                /** @description validate and report without writing any person file */
                dryRun?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /** Format: binary */
                    file: string;
                };
            };
        };
        responses: {
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportAcceptedDto"];
                };
            };
            /** @description Bad Request (code: validation_failed, bad_request, invalid_reference) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unauthorized: missing, invalid or expired access token (code: unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Forbidden: for roles other than admin, commune_worker (code: forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Payload Too Large (code: payload_too_large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unsupported Media Type: the body is not of a type the route reads (code: unsupported_media_type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Internal Server Error: a fault on the server (code: internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Service Unavailable: PostgreSQL, Redis or the job queue is unavailable; try again shortly (code: service_unavailable) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    getImportTemplate: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The template workbook */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
            /** @description Unauthorized: missing, invalid or expired access token (code: unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Forbidden: for roles other than admin, commune_worker (code: forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Internal Server Error: a fault on the server (code: internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Service Unavailable: PostgreSQL, Redis or the job queue is unavailable; try again shortly (code: service_unavailable) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    listPersons: {
        parameters: {
            query?: {
                /** @description exact case code. Clinic and facility staff may look up any open file this way only together with its dateOfBirth and fullName (case codes run in sequence) */
                caseCode?: string;
                /** @description exact date of birth */
                dateOfBirth?: string;
                /** @description the full name, compared without diacritics or case. Clinic and facility staff look up a file beyond their own patients by caseCode with dateOfBirth and fullName (or by nationalId); each lookup is limited per hour and audited */
                fullName?: string;
                /** @description exact national id (12 digits); audited. Clinic and facility staff may look up any open file this way to enroll a patient */
                nationalId?: string;
                /** @description true: open files only; false: closed files only */
                open?: boolean;
                page?: number;
                pageSize?: number;
                /** @description part of the name (with or without diacritics) or of the case code */
                q?: string;
                status?: "using" | "addicted";
                /** @description files whose residence is this unit or below it (within the caller's scope) */
                unitId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of results */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PersonListItemPage"];
                };
            };
            /** @description Bad Request (code: validation_failed, bad_request, invalid_reference) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unauthorized: missing, invalid or expired access token (code: unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Forbidden: for roles other than admin, province_officer, commune_worker, clinic_staff, facility_staff (code: forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Too Many Requests (code: too_many_requests) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Internal Server Error: a fault on the server (code: internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Service Unavailable: PostgreSQL, Redis or the job queue is unavailable; try again shortly (code: service_unavailable) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    createPerson: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreatePersonDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PersonDto"];
                };
            };
            /** @description Bad Request (code: validation_failed, bad_request, invalid_reference) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unauthorized: missing, invalid or expired access token (code: unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Forbidden: for roles other than admin, commune_worker (code: forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Conflict: possible_duplicate (with the candidates: send confirmDistinct if this is another person), or the national id is taken (code: conflict, version_conflict, concurrent_update, possible_duplicate, national_id_mismatch, file_closed, merge_conflict, pair_already_reviewed, legal_term_not_reached) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PossibleDuplicateErrorDto"];
                };
            };
            /** @description Payload Too Large: the body is too large (1 MiB; an import upload 20 MiB) (code: payload_too_large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unsupported Media Type: the body is not of a type the route reads (code: unsupported_media_type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Too Many Requests (code: too_many_requests) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Internal Server Error: a fault on the server (code: internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Service Unavailable: PostgreSQL, Redis or the job queue is unavailable; try again shortly (code: service_unavailable) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    getPerson: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PersonDto"];
                };
            };
            /** @description Bad Request (code: validation_failed, bad_request, invalid_reference) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unauthorized: missing, invalid or expired access token (code: unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Forbidden: for roles other than admin, province_officer, commune_worker, clinic_staff, facility_staff (code: forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Not Found (code: not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description URI Too Long: a path segment is too long (code: uri_too_long) */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Internal Server Error: a fault on the server (code: internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Service Unavailable: PostgreSQL, Redis or the job queue is unavailable; try again shortly (code: service_unavailable) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    updatePerson: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdatePersonDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PersonDto"];
                };
            };
            /** @description Bad Request (code: validation_failed, bad_request, invalid_reference) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unauthorized: missing, invalid or expired access token (code: unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Forbidden: for roles other than admin, commune_worker (code: forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Not Found (code: not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Conflict (code: conflict, version_conflict, concurrent_update, possible_duplicate, national_id_mismatch, file_closed, merge_conflict, pair_already_reviewed, legal_term_not_reached) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Payload Too Large: the body is too large (1 MiB; an import upload 20 MiB) (code: payload_too_large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description URI Too Long: a path segment is too long (code: uri_too_long) */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unsupported Media Type: the body is not of a type the route reads (code: unsupported_media_type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Too Many Requests (code: too_many_requests) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Internal Server Error: a fault on the server (code: internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Service Unavailable: PostgreSQL, Redis or the job queue is unavailable; try again shortly (code: service_unavailable) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    closePerson: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ClosePersonDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PersonDto"];
                };
            };
            /** @description Bad Request (code: validation_failed, bad_request, invalid_reference) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unauthorized: missing, invalid or expired access token (code: unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Forbidden: for roles other than admin, commune_worker (code: forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Not Found (code: not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Conflict (code: conflict, version_conflict, concurrent_update, possible_duplicate, national_id_mismatch, file_closed, merge_conflict, pair_already_reviewed, legal_term_not_reached) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Payload Too Large: the body is too large (1 MiB; an import upload 20 MiB) (code: payload_too_large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description URI Too Long: a path segment is too long (code: uri_too_long) */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unsupported Media Type: the body is not of a type the route reads (code: unsupported_media_type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Internal Server Error: a fault on the server (code: internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Service Unavailable: PostgreSQL, Redis or the job queue is unavailable; try again shortly (code: service_unavailable) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    listDrugTests: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DrugTestPageDto"];
                };
            };
            /** @description Bad Request (code: validation_failed, bad_request, invalid_reference) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unauthorized: missing, invalid or expired access token (code: unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Forbidden: for roles other than admin, commune_worker, clinic_staff, facility_staff (code: forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Not Found (code: not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description URI Too Long: a path segment is too long (code: uri_too_long) */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Internal Server Error: a fault on the server (code: internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Service Unavailable: PostgreSQL, Redis or the job queue is unavailable; try again shortly (code: service_unavailable) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    createDrugTest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateDrugTestDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedDrugTestDto"];
                };
            };
            /** @description Bad Request (code: validation_failed, bad_request, invalid_reference) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unauthorized: missing, invalid or expired access token (code: unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Forbidden: for roles other than admin, commune_worker, clinic_staff, facility_staff (code: forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Not Found (code: not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Conflict (code: conflict, version_conflict, concurrent_update, possible_duplicate, national_id_mismatch, file_closed, merge_conflict, pair_already_reviewed, legal_term_not_reached) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Payload Too Large: the body is too large (1 MiB; an import upload 20 MiB) (code: payload_too_large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description URI Too Long: a path segment is too long (code: uri_too_long) */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unsupported Media Type: the body is not of a type the route reads (code: unsupported_media_type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Internal Server Error: a fault on the server (code: internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Service Unavailable: PostgreSQL, Redis or the job queue is unavailable; try again shortly (code: service_unavailable) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    listEnrollments: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of results */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EnrollmentPage"];
                };
            };
            /** @description Bad Request (code: validation_failed, bad_request, invalid_reference) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unauthorized: missing, invalid or expired access token (code: unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Not Found (code: not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description URI Too Long: a path segment is too long (code: uri_too_long) */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Internal Server Error: a fault on the server (code: internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Service Unavailable: PostgreSQL, Redis or the job queue is unavailable; try again shortly (code: service_unavailable) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    createEnrollment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateEnrollmentDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EnrollmentDto"];
                };
            };
            /** @description Bad Request (code: validation_failed, bad_request, invalid_reference) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unauthorized: missing, invalid or expired access token (code: unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Forbidden: for roles other than admin, commune_worker, clinic_staff, facility_staff (code: forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Not Found (code: not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Conflict (code: conflict, version_conflict, concurrent_update, possible_duplicate, national_id_mismatch, file_closed, merge_conflict, pair_already_reviewed, legal_term_not_reached) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Payload Too Large: the body is too large (1 MiB; an import upload 20 MiB) (code: payload_too_large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description URI Too Long: a path segment is too long (code: uri_too_long) */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unsupported Media Type: the body is not of a type the route reads (code: unsupported_media_type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Internal Server Error: a fault on the server (code: internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Service Unavailable: PostgreSQL, Redis or the job queue is unavailable; try again shortly (code: service_unavailable) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    listServiceContacts: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
                type?: "counseling" | "support" | "medical" | "vocational" | "job" | "loan";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of results */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceContactPage"];
                };
            };
            /** @description Bad Request (code: validation_failed, bad_request, invalid_reference) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unauthorized: missing, invalid or expired access token (code: unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Forbidden: for roles other than admin, commune_worker, clinic_staff, facility_staff (code: forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Not Found (code: not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description URI Too Long: a path segment is too long (code: uri_too_long) */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Internal Server Error: a fault on the server (code: internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Service Unavailable: PostgreSQL, Redis or the job queue is unavailable; try again shortly (code: service_unavailable) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    createServiceContact: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateServiceContactDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceContactDto"];
                };
            };
            /** @description Bad Request (code: validation_failed, bad_request, invalid_reference) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unauthorized: missing, invalid or expired access token (code: unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Forbidden: for roles other than admin, commune_worker, clinic_staff, facility_staff (code: forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Not Found (code: not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Conflict (code: conflict, version_conflict, concurrent_update, possible_duplicate, national_id_mismatch, file_closed, merge_conflict, pair_already_reviewed, legal_term_not_reached) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Payload Too Large: the body is too large (1 MiB; an import upload 20 MiB) (code: payload_too_large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description URI Too Long: a path segment is too long (code: uri_too_long) */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unsupported Media Type: the body is not of a type the route reads (code: unsupported_media_type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Internal Server Error: a fault on the server (code: internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Service Unavailable: PostgreSQL, Redis or the job queue is unavailable; try again shortly (code: service_unavailable) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    listSupervisions: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of results */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupervisionPage"];
                };
            };
            /** @description Bad Request (code: validation_failed, bad_request, invalid_reference) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unauthorized: missing, invalid or expired access token (code: unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Forbidden: for roles other than admin, commune_worker (code: forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Not Found (code: not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description URI Too Long: a path segment is too long (code: uri_too_long) */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Internal Server Error: a fault on the server (code: internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Service Unavailable: PostgreSQL, Redis or the job queue is unavailable; try again shortly (code: service_unavailable) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    createSupervision: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateSupervisionDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupervisionDto"];
                };
            };
            /** @description Bad Request (code: validation_failed, bad_request, invalid_reference) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unauthorized: missing, invalid or expired access token (code: unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Forbidden: for roles other than admin, commune_worker (code: forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Not Found (code: not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Conflict (code: conflict, version_conflict, concurrent_update, possible_duplicate, national_id_mismatch, file_closed, merge_conflict, pair_already_reviewed, legal_term_not_reached) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Payload Too Large: the body is too large (1 MiB; an import upload 20 MiB) (code: payload_too_large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description URI Too Long: a path segment is too long (code: uri_too_long) */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unsupported Media Type: the body is not of a type the route reads (code: unsupported_media_type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Internal Server Error: a fault on the server (code: internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Service Unavailable: PostgreSQL, Redis or the job queue is unavailable; try again shortly (code: service_unavailable) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    getPersonTimeline: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of results */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TimelineEventPage"];
                };
            };
            /** @description Bad Request (code: validation_failed, bad_request, invalid_reference) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unauthorized: missing, invalid or expired access token (code: unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Forbidden: for roles other than admin, province_officer, commune_worker, clinic_staff, facility_staff (code: forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Not Found (code: not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description URI Too Long: a path segment is too long (code: uri_too_long) */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Internal Server Error: a fault on the server (code: internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Service Unavailable: PostgreSQL, Redis or the job queue is unavailable; try again shortly (code: service_unavailable) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    findPersonCandidates: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CandidatesQueryDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PersonCandidatesDto"];
                };
            };
            /** @description Bad Request (code: validation_failed, bad_request, invalid_reference) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unauthorized: missing, invalid or expired access token (code: unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Forbidden: for roles other than admin, province_officer, commune_worker (code: forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Payload Too Large: the body is too large (1 MiB; an import upload 20 MiB) (code: payload_too_large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unsupported Media Type: the body is not of a type the route reads (code: unsupported_media_type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Internal Server Error: a fault on the server (code: internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Service Unavailable: PostgreSQL, Redis or the job queue is unavailable; try again shortly (code: service_unavailable) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    listPublicHolidays: {
        parameters: {
            query?: {
                /** @description holidays of this year only */
                year?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublicHolidayList"];
                };
            };
            /** @description Bad Request (code: validation_failed, bad_request, invalid_reference) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unauthorized: missing, invalid or expired access token (code: unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Internal Server Error: a fault on the server (code: internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Service Unavailable: PostgreSQL, Redis or the job queue is unavailable; try again shortly (code: service_unavailable) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    createPublicHoliday: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreatePublicHolidayDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublicHolidayView"];
                };
            };
            /** @description Bad Request (code: validation_failed, bad_request, invalid_reference) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unauthorized: missing, invalid or expired access token (code: unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Forbidden: for roles other than admin (code: forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Conflict (code: conflict, version_conflict, concurrent_update, possible_duplicate, national_id_mismatch, file_closed, merge_conflict, pair_already_reviewed, legal_term_not_reached) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Payload Too Large: the body is too large (1 MiB; an import upload 20 MiB) (code: payload_too_large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unsupported Media Type: the body is not of a type the route reads (code: unsupported_media_type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Internal Server Error: a fault on the server (code: internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Service Unavailable: PostgreSQL, Redis or the job queue is unavailable; try again shortly (code: service_unavailable) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    deletePublicHoliday: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                date: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublicHolidayView"];
                };
            };
            /** @description Bad Request (code: validation_failed, bad_request, invalid_reference) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unauthorized: missing, invalid or expired access token (code: unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Forbidden: for roles other than admin (code: forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Not Found (code: not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description URI Too Long: a path segment is too long (code: uri_too_long) */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Internal Server Error: a fault on the server (code: internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Service Unavailable: PostgreSQL, Redis or the job queue is unavailable; try again shortly (code: service_unavailable) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    getRelapseTask: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RelapseTaskDto"];
                };
            };
            /** @description Bad Request (code: validation_failed, bad_request, invalid_reference) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unauthorized: missing, invalid or expired access token (code: unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Forbidden: for roles other than admin, commune_worker (code: forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Not Found (code: not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description URI Too Long: a path segment is too long (code: uri_too_long) */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Internal Server Error: a fault on the server (code: internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Service Unavailable: PostgreSQL, Redis or the job queue is unavailable; try again shortly (code: service_unavailable) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    decideRelapseTask: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DecideRelapseDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RelapseTaskDto"];
                };
            };
            /** @description Bad Request (code: validation_failed, bad_request, invalid_reference) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unauthorized: missing, invalid or expired access token (code: unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Forbidden: for roles other than admin, commune_worker (code: forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Not Found (code: not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Conflict (code: conflict, version_conflict, concurrent_update, possible_duplicate, national_id_mismatch, file_closed, merge_conflict, pair_already_reviewed, legal_term_not_reached) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Payload Too Large: the body is too large (1 MiB; an import upload 20 MiB) (code: payload_too_large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description URI Too Long: a path segment is too long (code: uri_too_long) */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unsupported Media Type: the body is not of a type the route reads (code: unsupported_media_type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Internal Server Error: a fault on the server (code: internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Service Unavailable: PostgreSQL, Redis or the job queue is unavailable; try again shortly (code: service_unavailable) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    listReminders: {
        parameters: {
            query?: {
                kind?: "follow_up_due" | "follow_up_overdue" | "missed_doses" | "supervision_ending" | "enrollment_ending" | "management_ending" | "transfer_in" | "conflict_cap" | "self_termination" | "post_rehab_file_due" | "post_rehab_decision_due";
                page?: number;
                pageSize?: number;
                personId?: string;
                status?: "open" | "acknowledged" | "resolved";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of results */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReminderPage"];
                };
            };
            /** @description Bad Request (code: validation_failed, bad_request, invalid_reference) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unauthorized: missing, invalid or expired access token (code: unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Internal Server Error: a fault on the server (code: internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Service Unavailable: PostgreSQL, Redis or the job queue is unavailable; try again shortly (code: service_unavailable) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    acknowledgeReminder: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReminderDto"];
                };
            };
            /** @description Bad Request (code: validation_failed, bad_request, invalid_reference) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unauthorized: missing, invalid or expired access token (code: unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Forbidden: for roles other than admin, commune_worker, clinic_staff, facility_staff (code: forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Not Found (code: not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Conflict (code: conflict, version_conflict, concurrent_update, possible_duplicate, national_id_mismatch, file_closed, merge_conflict, pair_already_reviewed, legal_term_not_reached) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Payload Too Large: the body is too large (1 MiB; an import upload 20 MiB) (code: payload_too_large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description URI Too Long: a path segment is too long (code: uri_too_long) */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unsupported Media Type: the body is not of a type the route reads (code: unsupported_media_type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Internal Server Error: a fault on the server (code: internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Service Unavailable: PostgreSQL, Redis or the job queue is unavailable; try again shortly (code: service_unavailable) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    replanReminders: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReplanResultDto"];
                };
            };
            /** @description Bad Request: the body is not valid JSON or breaks a rule (code: validation_failed, bad_request, invalid_reference) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unauthorized: missing, invalid or expired access token (code: unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Forbidden: for roles other than admin (code: forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Payload Too Large: the body is too large (1 MiB; an import upload 20 MiB) (code: payload_too_large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unsupported Media Type: the body is not of a type the route reads (code: unsupported_media_type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Internal Server Error: a fault on the server (code: internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Service Unavailable: PostgreSQL, Redis or the job queue is unavailable; try again shortly (code: service_unavailable) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    getCoverageReport: {
        parameters: {
            query: {
                /** @description first day of the period (inclusive) */
                from: string;
                /** @description last day of the period (inclusive) */
                to: string;
                unitId: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CoverageReportDto"];
                };
            };
            /** @description Bad Request (code: validation_failed, bad_request, invalid_reference) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unauthorized: missing, invalid or expired access token (code: unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Forbidden: for roles other than admin, province_officer, commune_worker (code: forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Not Found (code: not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Internal Server Error: a fault on the server (code: internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Service Unavailable: PostgreSQL, Redis or the job queue is unavailable; try again shortly (code: service_unavailable) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    requestCoverageReport: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CoveragePeriodDto"];
            };
        };
        responses: {
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CoverageJobAcceptedDto"];
                };
            };
            /** @description Bad Request (code: validation_failed, bad_request, invalid_reference) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unauthorized: missing, invalid or expired access token (code: unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Forbidden: for roles other than admin, province_officer, commune_worker (code: forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Not Found (code: not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Payload Too Large: the body is too large (1 MiB; an import upload 20 MiB) (code: payload_too_large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unsupported Media Type: the body is not of a type the route reads (code: unsupported_media_type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Too Many Requests (code: too_many_requests) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Internal Server Error: a fault on the server (code: internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Service Unavailable: PostgreSQL, Redis or the job queue is unavailable; try again shortly (code: service_unavailable) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    exportCoverageReport: {
        parameters: {
            query: {
                format?: "csv" | "xlsx";
                /** @description first day of the period (inclusive) */
                from: string;
                /** @description last day of the period (inclusive) */
                to: string;
                unitId: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The report file */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                    "text/csv": string;
                };
            };
            /** @description Bad Request (code: validation_failed, bad_request, invalid_reference) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unauthorized: missing, invalid or expired access token (code: unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Forbidden: for roles other than admin, province_officer, commune_worker (code: forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Not Found (code: not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Internal Server Error: a fault on the server (code: internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Service Unavailable: PostgreSQL, Redis or the job queue is unavailable; try again shortly (code: service_unavailable) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    getCoverageJob: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                jobId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CoverageJobDto"];
                };
            };
            /** @description Bad Request (code: validation_failed, bad_request, invalid_reference) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unauthorized: missing, invalid or expired access token (code: unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Forbidden: for roles other than admin, province_officer, commune_worker (code: forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Not Found (code: not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description URI Too Long: a path segment is too long (code: uri_too_long) */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Internal Server Error: a fault on the server (code: internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Service Unavailable: PostgreSQL, Redis or the job queue is unavailable; try again shortly (code: service_unavailable) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    listUnreachedPersons: {
        parameters: {
            query: {
                from: string;
                page?: number;
                pageSize?: number;
                to: string;
                unitId: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of results */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnreachedPersonPage"];
                };
            };
            /** @description Bad Request (code: validation_failed, bad_request, invalid_reference) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unauthorized: missing, invalid or expired access token (code: unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Forbidden: for roles other than admin, province_officer, commune_worker (code: forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Not Found (code: not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Too Many Requests (code: too_many_requests) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Internal Server Error: a fault on the server (code: internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Service Unavailable: PostgreSQL, Redis or the job queue is unavailable; try again shortly (code: service_unavailable) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    getMonthlyReport: {
        parameters: {
            query: {
                /** @description the month, YYYY-MM */
                month: string;
                /** @description a commune */
                unitId: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MonthlyReportDto"];
                };
            };
            /** @description Bad Request (code: validation_failed, bad_request, invalid_reference) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unauthorized: missing, invalid or expired access token (code: unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Forbidden: for roles other than admin, province_officer, commune_worker (code: forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Not Found (code: not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Internal Server Error: a fault on the server (code: internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Service Unavailable: PostgreSQL, Redis or the job queue is unavailable; try again shortly (code: service_unavailable) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    submitMonthlyReport: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SubmitMonthlyReportDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubmittedMonthlyReportDto"];
                };
            };
            /** @description Bad Request (code: validation_failed, bad_request, invalid_reference) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unauthorized: missing, invalid or expired access token (code: unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Forbidden: for roles other than admin, commune_worker (code: forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Not Found (code: not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Conflict (code: conflict, version_conflict, concurrent_update, possible_duplicate, national_id_mismatch, file_closed, merge_conflict, pair_already_reviewed, legal_term_not_reached) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Payload Too Large: the body is too large (1 MiB; an import upload 20 MiB) (code: payload_too_large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unsupported Media Type: the body is not of a type the route reads (code: unsupported_media_type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Internal Server Error: a fault on the server (code: internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Service Unavailable: PostgreSQL, Redis or the job queue is unavailable; try again shortly (code: service_unavailable) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    exportMonthlyReport: {
        parameters: {
            query: {
                format?: "csv" | "xlsx";
                /** @description the month, YYYY-MM */
                month: string;
                /** @description any unit: its communes are rolled up */
                unitId: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The report file */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                    "text/csv": string;
                };
            };
            /** @description Bad Request (code: validation_failed, bad_request, invalid_reference) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unauthorized: missing, invalid or expired access token (code: unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Forbidden: for roles other than admin, province_officer, commune_worker (code: forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Not Found (code: not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Internal Server Error: a fault on the server (code: internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Service Unavailable: PostgreSQL, Redis or the job queue is unavailable; try again shortly (code: service_unavailable) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    listMonthlyReportNotices: {
        parameters: {
            query?: {
                month?: string;
                page?: number;
                pageSize?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of results */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MonthlyNoticePage"];
                };
            };
            /** @description Bad Request (code: validation_failed, bad_request, invalid_reference) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unauthorized: missing, invalid or expired access token (code: unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Forbidden: for roles other than admin, province_officer, commune_worker (code: forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Internal Server Error: a fault on the server (code: internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Service Unavailable: PostgreSQL, Redis or the job queue is unavailable; try again shortly (code: service_unavailable) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    getMonthlyRollup: {
        parameters: {
            query: {
                /** @description the month, YYYY-MM */
                month: string;
                /** @description any unit: its communes are rolled up */
                unitId: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MonthlyRollupDto"];
                };
            };
            /** @description Bad Request (code: validation_failed, bad_request, invalid_reference) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unauthorized: missing, invalid or expired access token (code: unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Forbidden: for roles other than admin, province_officer (code: forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Not Found (code: not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Internal Server Error: a fault on the server (code: internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Service Unavailable: PostgreSQL, Redis or the job queue is unavailable; try again shortly (code: service_unavailable) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    getTrend: {
        parameters: {
            query: {
                indicator: components["schemas"]["TrendIndicator"];
                months?: number;
                /** @description the last month (default: the month before this one) */
                to?: string;
                unitId: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TrendDto"];
                };
            };
            /** @description Bad Request (code: validation_failed, bad_request, invalid_reference) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unauthorized: missing, invalid or expired access token (code: unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Forbidden: for roles other than admin, province_officer, commune_worker (code: forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Not Found (code: not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Internal Server Error: a fault on the server (code: internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Service Unavailable: PostgreSQL, Redis or the job queue is unavailable; try again shortly (code: service_unavailable) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    getSupervision: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupervisionDto"];
                };
            };
            /** @description Bad Request (code: validation_failed, bad_request, invalid_reference) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unauthorized: missing, invalid or expired access token (code: unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Forbidden: for roles other than admin, commune_worker (code: forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Not Found (code: not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description URI Too Long: a path segment is too long (code: uri_too_long) */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Internal Server Error: a fault on the server (code: internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Service Unavailable: PostgreSQL, Redis or the job queue is unavailable; try again shortly (code: service_unavailable) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    updateSupervision: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateSupervisionDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupervisionDto"];
                };
            };
            /** @description Bad Request (code: validation_failed, bad_request, invalid_reference) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unauthorized: missing, invalid or expired access token (code: unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Forbidden: for roles other than admin, commune_worker (code: forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Not Found (code: not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Conflict (code: conflict, version_conflict, concurrent_update, possible_duplicate, national_id_mismatch, file_closed, merge_conflict, pair_already_reviewed, legal_term_not_reached) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Payload Too Large: the body is too large (1 MiB; an import upload 20 MiB) (code: payload_too_large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description URI Too Long: a path segment is too long (code: uri_too_long) */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unsupported Media Type: the body is not of a type the route reads (code: unsupported_media_type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Internal Server Error: a fault on the server (code: internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Service Unavailable: PostgreSQL, Redis or the job queue is unavailable; try again shortly (code: service_unavailable) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    endSupervision: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EndSupervisionDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupervisionDto"];
                };
            };
            /** @description Bad Request (code: validation_failed, bad_request, invalid_reference) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unauthorized: missing, invalid or expired access token (code: unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Forbidden: for roles other than admin, commune_worker (code: forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Not Found (code: not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Conflict (code: conflict, version_conflict, concurrent_update, possible_duplicate, national_id_mismatch, file_closed, merge_conflict, pair_already_reviewed, legal_term_not_reached) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Payload Too Large: the body is too large (1 MiB; an import upload 20 MiB) (code: payload_too_large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description URI Too Long: a path segment is too long (code: uri_too_long) */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unsupported Media Type: the body is not of a type the route reads (code: unsupported_media_type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Internal Server Error: a fault on the server (code: internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Service Unavailable: PostgreSQL, Redis or the job queue is unavailable; try again shortly (code: service_unavailable) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    assignSupervisor: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AssignSupervisorDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupervisionDto"];
                };
            };
            /** @description Bad Request (code: validation_failed, bad_request, invalid_reference) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unauthorized: missing, invalid or expired access token (code: unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Forbidden: for roles other than admin, commune_worker (code: forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Not Found (code: not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Conflict (code: conflict, version_conflict, concurrent_update, possible_duplicate, national_id_mismatch, file_closed, merge_conflict, pair_already_reviewed, legal_term_not_reached) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Payload Too Large: the body is too large (1 MiB; an import upload 20 MiB) (code: payload_too_large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description URI Too Long: a path segment is too long (code: uri_too_long) */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unsupported Media Type: the body is not of a type the route reads (code: unsupported_media_type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Internal Server Error: a fault on the server (code: internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Service Unavailable: PostgreSQL, Redis or the job queue is unavailable; try again shortly (code: service_unavailable) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    recordVisit: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateVisitDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VisitDto"];
                };
            };
            /** @description Bad Request (code: validation_failed, bad_request, invalid_reference) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unauthorized: missing, invalid or expired access token (code: unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Forbidden: for roles other than admin, commune_worker (code: forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Not Found (code: not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Conflict (code: conflict, version_conflict, concurrent_update, possible_duplicate, national_id_mismatch, file_closed, merge_conflict, pair_already_reviewed, legal_term_not_reached) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Payload Too Large: the body is too large (1 MiB; an import upload 20 MiB) (code: payload_too_large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description URI Too Long: a path segment is too long (code: uri_too_long) */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unsupported Media Type: the body is not of a type the route reads (code: unsupported_media_type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Internal Server Error: a fault on the server (code: internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Service Unavailable: PostgreSQL, Redis or the job queue is unavailable; try again shortly (code: service_unavailable) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    listMyTasks: {
        parameters: {
            query?: {
                /** @description only the tasks of supervisions and relapses the caller answers for */
                assignedToMe?: boolean;
                /** @description due on or after */
                from?: string;
                kind?: "follow_up_due" | "follow_up_overdue" | "supervision_ending" | "management_ending" | "enrollment_ending" | "relapse" | "transfer_in" | "transfer_waiting" | "transfer_decision" | "missed_doses" | "dose_not_recorded" | "stay_ending";
                page?: number;
                pageSize?: number;
                /** @description due on or before */
                to?: string;
                /** @description people living in this unit (in the caller’s area) */
                unitId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaskListDto"];
                };
            };
            /** @description Bad Request (code: validation_failed, bad_request, invalid_reference) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unauthorized: missing, invalid or expired access token (code: unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Not Found (code: not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Internal Server Error: a fault on the server (code: internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Service Unavailable: PostgreSQL, Redis or the job queue is unavailable; try again shortly (code: service_unavailable) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    listTransferRequests: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
                status?: "pending" | "accepted" | "refused";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of results */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TransferRequestPage"];
                };
            };
            /** @description Bad Request (code: validation_failed, bad_request, invalid_reference) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unauthorized: missing, invalid or expired access token (code: unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Forbidden: for roles other than admin, province_officer, commune_worker (code: forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Internal Server Error: a fault on the server (code: internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Service Unavailable: PostgreSQL, Redis or the job queue is unavailable; try again shortly (code: service_unavailable) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    createTransferRequest: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateTransferRequestDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TransferRequestDto"];
                };
            };
            /** @description Bad Request (code: validation_failed, bad_request, invalid_reference) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unauthorized: missing, invalid or expired access token (code: unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Forbidden: for roles other than commune_worker (code: forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Not Found (code: not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Conflict (code: conflict, version_conflict, concurrent_update, possible_duplicate, national_id_mismatch, file_closed, merge_conflict, pair_already_reviewed, legal_term_not_reached) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Payload Too Large: the body is too large (1 MiB; an import upload 20 MiB) (code: payload_too_large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unsupported Media Type: the body is not of a type the route reads (code: unsupported_media_type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Too Many Requests (code: too_many_requests) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Internal Server Error: a fault on the server (code: internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Service Unavailable: PostgreSQL, Redis or the job queue is unavailable; try again shortly (code: service_unavailable) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    acceptTransferRequest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TransferRequestDto"];
                };
            };
            /** @description Bad Request (code: validation_failed, bad_request, invalid_reference) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unauthorized: missing, invalid or expired access token (code: unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Forbidden: for roles other than admin, province_officer (code: forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Not Found (code: not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Conflict (code: conflict, version_conflict, concurrent_update, possible_duplicate, national_id_mismatch, file_closed, merge_conflict, pair_already_reviewed, legal_term_not_reached) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Payload Too Large: the body is too large (1 MiB; an import upload 20 MiB) (code: payload_too_large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description URI Too Long: a path segment is too long (code: uri_too_long) */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unsupported Media Type: the body is not of a type the route reads (code: unsupported_media_type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Internal Server Error: a fault on the server (code: internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Service Unavailable: PostgreSQL, Redis or the job queue is unavailable; try again shortly (code: service_unavailable) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    refuseTransferRequest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RefuseTransferDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TransferRequestDto"];
                };
            };
            /** @description Bad Request (code: validation_failed, bad_request, invalid_reference) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unauthorized: missing, invalid or expired access token (code: unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Forbidden: for roles other than admin, province_officer (code: forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Not Found (code: not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Conflict (code: conflict, version_conflict, concurrent_update, possible_duplicate, national_id_mismatch, file_closed, merge_conflict, pair_already_reviewed, legal_term_not_reached) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Payload Too Large: the body is too large (1 MiB; an import upload 20 MiB) (code: payload_too_large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description URI Too Long: a path segment is too long (code: uri_too_long) */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unsupported Media Type: the body is not of a type the route reads (code: unsupported_media_type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Internal Server Error: a fault on the server (code: internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Service Unavailable: PostgreSQL, Redis or the job queue is unavailable; try again shortly (code: service_unavailable) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    listUsers: {
        parameters: {
            query?: {
                active?: boolean;
                page?: number;
                pageSize?: number;
                role?: "admin" | "province_officer" | "commune_worker" | "clinic_staff" | "facility_staff";
                unitId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of results */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserPage"];
                };
            };
            /** @description Bad Request (code: validation_failed, bad_request, invalid_reference) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unauthorized: missing, invalid or expired access token (code: unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Forbidden: for roles other than admin (code: forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Internal Server Error: a fault on the server (code: internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Service Unavailable: PostgreSQL, Redis or the job queue is unavailable; try again shortly (code: service_unavailable) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    createUser: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateUserDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserDto"];
                };
            };
            /** @description Bad Request (code: validation_failed, bad_request, invalid_reference) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unauthorized: missing, invalid or expired access token (code: unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Forbidden: for roles other than admin (code: forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Conflict (code: conflict, version_conflict, concurrent_update, possible_duplicate, national_id_mismatch, file_closed, merge_conflict, pair_already_reviewed, legal_term_not_reached) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Payload Too Large: the body is too large (1 MiB; an import upload 20 MiB) (code: payload_too_large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unsupported Media Type: the body is not of a type the route reads (code: unsupported_media_type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Internal Server Error: a fault on the server (code: internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Service Unavailable: PostgreSQL, Redis or the job queue is unavailable; try again shortly (code: service_unavailable) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    getUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserDto"];
                };
            };
            /** @description Bad Request (code: validation_failed, bad_request, invalid_reference) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unauthorized: missing, invalid or expired access token (code: unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Forbidden: for roles other than admin (code: forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Not Found (code: not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description URI Too Long: a path segment is too long (code: uri_too_long) */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Internal Server Error: a fault on the server (code: internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Service Unavailable: PostgreSQL, Redis or the job queue is unavailable; try again shortly (code: service_unavailable) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    updateUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateUserDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserDto"];
                };
            };
            /** @description Bad Request (code: validation_failed, bad_request, invalid_reference) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unauthorized: missing, invalid or expired access token (code: unauthorized) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Forbidden: for roles other than admin (code: forbidden) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Not Found (code: not_found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Conflict (code: conflict, version_conflict, concurrent_update, possible_duplicate, national_id_mismatch, file_closed, merge_conflict, pair_already_reviewed, legal_term_not_reached) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Payload Too Large: the body is too large (1 MiB; an import upload 20 MiB) (code: payload_too_large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description URI Too Long: a path segment is too long (code: uri_too_long) */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unsupported Media Type: the body is not of a type the route reads (code: unsupported_media_type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Internal Server Error: a fault on the server (code: internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Service Unavailable: PostgreSQL, Redis or the job queue is unavailable; try again shortly (code: service_unavailable) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    getHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HealthDto"];
                };
            };
            /** @description Internal Server Error: a fault on the server (code: internal_error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description PostgreSQL or Redis does not answer (code: service_unavailable) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HealthDownDto"];
                };
            };
        };
    };
}
