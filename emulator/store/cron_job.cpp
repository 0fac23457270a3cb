// SPDX-License-Identifier: Apache-2.0
#include "cron_job.h"

namespace emu::store {

CronJob::Spec CronJob::Spec::fromValue(const api::Value &value)
{
    using namespace specfield;
    Spec spec;
    spec.full = value;
    spec.schedule = text(value, "schedule");
    if (const api::Value *tz = value.find("timeZone"); tz && tz->isScalar() && !tz->isNull())
        spec.timeZone = tz->text();
    spec.startingDeadlineSeconds = optionalInteger(value, "startingDeadlineSeconds");
    spec.concurrencyPolicy = text(value, "concurrencyPolicy", "Allow");
    spec.suspend = boolean(value, "suspend", false);
    spec.successfulJobsHistoryLimit = static_cast<std::int32_t>(integer(value, "successfulJobsHistoryLimit", 3));
    spec.failedJobsHistoryLimit = static_cast<std::int32_t>(integer(value, "failedJobsHistoryLimit", 1));
    if (const api::Value *t = value.find("jobTemplate"); t && t->isMapping())
        spec.jobTemplate = *t;
    return spec;
}

void CronJob::Spec::set(std::string_view key, api::Value value)
{
    api::Value updated = full;
    updated.set(key, std::move(value));
    *this = fromValue(updated);
}

} // namespace emu::store
