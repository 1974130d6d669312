#!/bin/sh
# Mail the change report of the latest run to the editor (used by crontab.example).
# Usage: deploy/mail-report.sh ADDRESS [EXIT_CODE_OF_THE_NIGHTLY]
# Needs a working `mail` (e.g. Debian's bsd-mailx with a local MTA). The report is Markdown;
# store text in it is escaped, so it reads as plain text too.
set -eu
address="$1"
code="${2:-0}"
report=$(ls -1t data/reports/run-*.md 2>/dev/null | head -n 1)
case "$code" in
    0) subject="Stopwijzer: nachtelijke controle gelukt" ;;
    4) subject="Stopwijzer: een bron is mislukt (zie het rapport)" ;;
    3) subject="Stopwijzer: vorige controle nog bezig, deze overgeslagen" ;;
    *) subject="Stopwijzer: nachtelijke controle mislukt (code $code), niets gewijzigd" ;;
esac
if [ "$code" = 0 ] || [ "$code" = 4 ]; then
    mail -s "$subject" "$address" < "$report"
else
    tail -n 20 data/logs/cron.log | mail -s "$subject" "$address"
fi
