"""
Worked deadline cases from real negotiations, each checked against its sources.

Every class cites the reports it relies on (publisher, date where the page shows
one, URL).  Where a source counts differently from the library's rules, the test
records both counts and says why: the library counts the anchor day as day 0
(50 days from 14 July is 2 September); some officials count it as day 1.

No real case found counts *business* days: strike and treaty notices are
calendar days or hours, so the business-day rule is tested with worked examples
in ``test_deadlines.py`` instead.
"""

from __future__ import annotations

import datetime as dt

import pendulum

from negotiation_records import Deadline, Period, Ultimatum


def utc(moment: object) -> dt.datetime:
    """A datetime moment as a UTC instant."""
    assert isinstance(moment, dt.datetime)
    return moment.astimezone(dt.UTC)


NY = "America/New_York"


class TestUsRussiaUltimatum2025:
    """
    The US ultimatum to Russia of July 2025, then cut to "10 or 12 days".

    Sources:
    - The New Civil Rights Movement, 2025-07-14, "Like taking a knife to a
      gunfight…" (Trump, 14 July: a deal "in 50 days"),
      https://www.thenewcivilrightsmovement.com/2025/07/like-taking-a-knife-to-a-gunfight-trumps-russia-tariffs-of-about-100-mocked/
    - thethinkingconservative.com (syndicated), n.d.: "originally gave Moscow
      until Sept. 2", https://www.thethinkingconservative.com/?p=2059576
    - RFE/RL, 2025-07-28, "Trump Shortens Cease-Fire Deadline To 10-12 Days For
      Putin…",
      https://www.rferl.org/a/president-donald-trump-russia-ukraine-war-statement-scotland-peace-starmer/33486021.html
    - Daily8 (Reuters text), n.d.: "10 to 12 days from Monday, meaning … by August
      7 to 9", https://test.daily8.com/en/article/23f3eb415a3e48806be4d29ca963b8e2
    - Kyiv Independent, July 29 remarks, "Ten days from today",
      https://kyivindependent.com/it-may-or-may-not-affect-them-trump-says-russia-tariffs-to-be-imposed-in-10-days
    - Ukrainska Pravda, 2025-08-06: "ten-day deadline … expires on Friday 8 August",
      https://www.pravda.com.ua/eng/news/2025/08/6/7525050/
    """

    issued = pendulum.date(2025, 7, 14)

    def _ultimatum(self) -> Ultimatum:
        return Ultimatum(
            id="us-ultimatum-2025-07",
            issued_by="united-states",
            addressed_to=["russia"],
            issued_at=self.issued,
            demand="Reach a ceasefire with Ukraine",
            deadline=Deadline.after(self.issued, "P50D"),
        )

    def test_fifty_days_is_2_september(self) -> None:
        """50 days from 14 July 2025 is Tuesday 2 September, as the reports say."""
        deadline = self._ultimatum().deadline
        assert deadline.due == pendulum.date(2025, 9, 2)
        assert deadline.due.weekday() == 1

    def test_ten_or_twelve_days_from_28_july(self) -> None:
        """'10 or 12 days from today' on Monday 28 July is 7 to 9 August (Reuters)."""
        monday = pendulum.date(2025, 7, 28)
        assert Deadline.after(monday, days=10).due == pendulum.date(2025, 8, 7)
        assert Deadline.after(monday, days=12).due == pendulum.date(2025, 8, 9)

    def test_cut_to_ten_days_from_29_july_keeps_the_history(self) -> None:
        """Re-anchored on 29 July, ten days is Friday 8 August; both earlier deadlines stay."""
        ultimatum = (
            self._ultimatum()
            .revise_deadline(
                Deadline.after(pendulum.date(2025, 7, 28), days=12),
                on=pendulum.date(2025, 7, 28),
                reason="a new deadline of about 10 or 12 days from today",
            )
            .revise_deadline(
                Deadline.after(pendulum.date(2025, 7, 29), days=10),
                on=pendulum.date(2025, 7, 29),
                reason="Ten days from today",
            )
        )
        assert [str(d.due) for d in ultimatum.deadlines] == [
            "2025-09-02",
            "2025-08-09",
            "2025-08-08",
        ]
        assert ultimatum.deadline.due.weekday() == 4
        assert [r.revised_on for r in ultimatum.revisions] == [
            pendulum.date(2025, 7, 28),
            pendulum.date(2025, 7, 29),
        ]


class TestUsChinaGenevaTruce2025:
    """
    The US–China tariff truce of May 2025 (90 days) and its 90-day extension,
    across the end of daylight-saving time.

    Sources:
    - Federal Register (govinfo), 2025-05-21, Executive Order 14298,
      https://www.govinfo.gov/content/pkg/FR-2025-05-21/html/2025-09297.htm
    - bocintl.com (EO text): "on or after 12:01 a.m. eastern daylight time on
      May 14, 2025", https://www.bocintl.com/web/blast-524-u-s-and-china-tariff-update/
    - infofinance.com, n.d.: "originally set to expire at 12:01 a.m. EDT on
      August 12",
      https://infofinance.com/en/blog/u-s-extends-tariff-freeze-with-china-for-90-days-to-ease-holiday-trade-pressures
    - LegisTrack, Executive Order 14334 (signed 2025-08-11): "until 12:01 a.m.
      Eastern standard time on November 10, 2025",
      https://legistrack.vercel.app/bills/eo/cmg8v6rh80008vgdktivzvt80
    - UPI, 2025-08-11: "The extension to Nov. 9",
      https://www.upi.com/Top_News/US/2025/08/11/extends-China-tariff-deadline/2841754946895/
    """

    start = pendulum.datetime(2025, 5, 14, 0, 1, tz=NY)

    def test_first_ninety_days(self) -> None:
        """90 days from 12:01 a.m. EDT on 14 May is 12:01 a.m. EDT on 12 August."""
        assert Deadline.after(self.start, "P90D").due == pendulum.datetime(
            2025, 8, 12, 0, 1, tz=NY
        )

    def test_extension_across_the_end_of_dst(self) -> None:
        """90 more days is 12:01 a.m. EST on 10 November: 2161 elapsed hours, not 2160."""
        first = Deadline.after(self.start, "P90D")
        extended = first.extended("P90D")
        assert extended.due == pendulum.datetime(2025, 11, 10, 0, 1, tz=NY)
        assert utc(extended.due) - utc(first.due) == dt.timedelta(hours=2161)
        # exactly 2160 hours would land an hour early, at 23:01 EST on 9 November
        hours = first.extended(hours=2160)
        assert hours.due == pendulum.datetime(2025, 11, 9, 23, 1, tz=NY)

    def test_upi_counts_from_the_signing_day(self) -> None:
        """UPI's 'Nov. 9' is 90 days from the 11 August signing, not from the expiry."""
        assert Deadline.after(pendulum.date(2025, 8, 11), "P90D").due == (
            pendulum.date(2025, 11, 9)
        )


class TestUsReciprocalTariffPause2025:
    """
    The 90-day pause of the "reciprocal" tariffs (April 2025), replaced by a
    fixed date.

    Sources:
    - americanfocus.online (copy of the White House order of 2025-07-07,
      "Extending the Modification of the Reciprocal Tariff Rates"): "set to expire
      at 12:01 a.m. EDT on July 9, 2025 … extend this suspension until 12:01 a.m.
      EDT on August 1, 2025",
      https://americanfocus.online/extending-the-modification-of-the-reciprocal-tariff-rates-the-white-house
    - Hurriyet Daily News, 2025-07-07, "Trump to delay July 9 tariff deadline to
      Aug. 1", https://www.hurriyetdailynews.com/trump-to-delay-july-9-tariff-deadline-to-aug-1-211201
    - cryptopulpit.com (citing CNBC), n.d.: "July 8 marks the end of a 90-day
      tariff pause",
      https://cryptopulpit.com/trump-says-july-tariff-deadline-isnt-fixed-we-could-extend-it-or-shorten-it
    """

    def test_ninety_days_from_the_effective_moment(self) -> None:
        """From 12:01 a.m. EDT on 10 April, 90 days is 12:01 a.m. EDT on 9 July."""
        effective = pendulum.datetime(2025, 4, 10, 0, 1, tz=NY)
        assert Deadline.after(effective, "P90D").due == pendulum.datetime(
            2025, 7, 9, 0, 1, tz=NY
        )

    def test_cnbc_counts_from_the_announcement(self) -> None:
        """CNBC's 'July 8' is 90 days from the 9 April announcement."""
        assert Deadline.after(pendulum.date(2025, 4, 9), "P90D").due == (
            pendulum.date(2025, 7, 8)
        )

    def test_replaced_by_a_fixed_date(self) -> None:
        """The order of 7 July replaced the rule with 12:01 a.m. EDT on 1 August."""
        effective = pendulum.datetime(2025, 4, 10, 0, 1, tz=NY)
        pause = Ultimatum(
            id="reciprocal-tariff-pause",
            issued_by="united-states",
            addressed_to=["trading-partners"],
            issued_at=pendulum.date(2025, 4, 9),
            demand="Negotiate trade deals",
            deadline=Deadline.after(effective, "P90D"),
        ).revise_deadline(
            Deadline.on(pendulum.datetime(2025, 8, 1, 0, 1, tz=NY)),
            on=pendulum.date(2025, 7, 7),
            reason="Extending the Modification of the Reciprocal Tariff Rates",
        )
        assert pause.revisions[0].previous.due == pendulum.datetime(
            2025, 7, 9, 0, 1, tz=NY
        )
        assert pause.deadline.remaining(at=pause.revisions[0].previous.due) == (
            pendulum.duration(days=23)
        )


class TestUsCanadaThirtyDayPause2025:
    """
    The "30 day" pause of the Canada tariffs in February 2025: the order's date
    is one calendar month, which February makes 28 days.

    Sources:
    - Manufacturing.net (AP), 2025-02-04, "Trump Agrees to Pause Tariffs on
      Canada, Mexico" ("for a 30 day period"),
      https://www.manufacturing.net/laws-regulations/news/22932399/trump-agrees-to-pause-tariffs-on-canada-mexico
    - Primary News Source, "Progress on the Situation at Our Northern Border"
      (order excerpt), n.d.: "will not take effect until March 4, 2025, at
      12:01 a.m. eastern time",
      https://primarynewssource.org/sourcedocument/progress-on-the-situation-at-our-northern-border/
    - 47-watch.com, EO 14197: "delayed from February 4, 2025, to March 4, 2025",
      https://47-watch.com/executive-orders/2025-02-03-progress-on-the-situation-at-our-northern-border/
    """

    start = pendulum.datetime(2025, 2, 4, 0, 1, tz=NY)

    def test_the_order_is_one_month(self) -> None:
        """One month from 12:01 a.m. on 4 February is 12:01 a.m. EST on 4 March."""
        deadline = Deadline.after(self.start, "P1M")
        assert deadline.due == pendulum.datetime(2025, 3, 4, 0, 1, tz=NY)
        assert utc(deadline.due) - utc(self.start) == dt.timedelta(days=28)

    def test_thirty_days_would_be_6_march(self) -> None:
        """Read literally, '30 days' would end two days later than the order."""
        assert Deadline.after(self.start, "P30D").due == pendulum.datetime(
            2025, 3, 6, 0, 1, tz=NY
        )


class TestBrexitArticle50:
    """
    Article 50 TEU: two years from the notice of 29 March 2017, then three
    extensions; the end was midnight in Brussels, 23:00 in London.

    Sources:
    - Clifford Chance, 2017-03-29, "Brexit: The UK gives its article 50
      withdrawal notice",
      http://www.cliffordchance.com/briefings/2017/03/brexit_the_uk_givesitsarticle50withdrawa.html
    - Slugger O'Toole, 2017-11-09, "UK to leave the EU on 29th March 2019 at
      11pm", https://sluggerotoole.com/2017/11/09/uk-to-leave-the-eu-on-29th-march-2019-at-11pm/
    - Travers Smith, n.d.: Brexit day "could be either 29 or 30 March 2019",
      https://www.traverssmith.com/knowledge/knowledge-container/article-50-to-be-triggered-on-wednesday-29-march/
    - Sputnik (Juncker), 2019-04-03: "'no-deal' at midnight on the 12th of
      April", https://sputniknews.com/europe/201904031073792444-uk-brexit-no-delay/
    - Brexit Legal Guide (European Council, 10 April 2019): "no longer than 31
      October 2019", https://brexitlegalguide.co.uk/withdrawal-extended-to-31-10-2019o/
    - HSF Notes, 2019-10-28: "11pm GMT 31 January 2020",
      https://hsfnotes.com/brexit/2019/10/28/european-council-agrees-brexit-flextension-to-31-january-2020/
    """

    notice = pendulum.date(2017, 3, 29)
    brussels = "Europe/Brussels"

    def test_two_years_end_at_23_00_in_london(self) -> None:
        """The end of 29 March 2019 in Brussels is 23:00 in London (GMT, 23:00 UTC)."""
        deadline = Deadline.after(self.notice, "P2Y", tz=self.brussels)
        assert deadline.due == pendulum.date(2019, 3, 29)
        assert deadline.cutoff.in_timezone("Europe/London") == pendulum.datetime(
            2019, 3, 29, 23, tz="Europe/London"
        )

    def test_first_extension_is_an_hour_earlier_in_utc(self) -> None:
        """Midnight in Brussels on 12 April 2019 is 23:00 BST, 22:00 UTC (clocks moved)."""
        deadline = Deadline.on(pendulum.date(2019, 4, 12), tz=self.brussels)
        assert utc(deadline.cutoff) == dt.datetime(2019, 4, 12, 22, tzinfo=dt.UTC)
        assert deadline.cutoff.in_timezone("Europe/London").hour == 23

    def test_three_extensions_kept_in_order(self) -> None:
        """29 March, 12 April, 31 October 2019, then 31 January 2020 (= 31 Oct + P3M)."""
        last = Deadline.after(pendulum.date(2019, 10, 31), "P3M", tz=self.brussels)
        assert last.due == pendulum.date(2020, 1, 31)
        assert last.cutoff.in_timezone("Europe/London") == pendulum.datetime(
            2020, 1, 31, 23, tz="Europe/London"
        )
        article_50 = (
            Ultimatum(
                id="article-50",
                issued_by="united-kingdom",
                addressed_to=["european-union"],
                issued_at=self.notice,
                demand="Agree the terms of withdrawal",
                deadline=Deadline.after(self.notice, "P2Y", tz=self.brussels),
            )
            .revise_deadline(
                Deadline.on(pendulum.date(2019, 4, 12), tz=self.brussels),
                on=pendulum.date(2019, 3, 22),
            )
            .revise_deadline(
                Deadline.on(pendulum.date(2019, 10, 31), tz=self.brussels),
                on=pendulum.date(2019, 4, 10),
            )
            .revise_deadline(last, on=pendulum.date(2019, 10, 28))
        )
        assert [str(d.due) for d in article_50.deadlines] == [
            "2019-03-29",
            "2019-04-12",
            "2019-10-31",
            "2020-01-31",
        ]
        assert sorted(article_50.deadlines) == list(article_50.deadlines)

    def test_six_months_was_loose(self) -> None:
        """'An additional 6 months' from 12 April would be 12 October, not 31 October."""
        assert Deadline.after(pendulum.date(2019, 4, 12), "P6M").due == (
            pendulum.date(2019, 10, 12)
        )


class TestIranSnapback2025:
    """
    The E3 triggered the UN "snapback" on 28 August 2025, starting 30 days;
    sanctions returned at the end of the 30th day in UTC, 8 p.m. EDT.

    Sources:
    - L'Orient Today, 2025-08-28: "launched a 30-day process",
      https://today.lorientlejour.com/article/1475318/europeans-plan-to-restore-sanctions-against-tehran.html
    - CNA (Reuters), 2025-09-27: "due to return at 8pm EDT on Saturday (0000
      GMT)",
      https://www.channelnewsasia.com/world/un-sanctions-iran-return-after-russian-and-chinese-bid-delay-fails-5372686
    - SunStar (Xinhua), n.d.: "effective on Sept. 27 at 8 p.m. Eastern Daylight
      Time", https://www.sunstar.com.ph/network/iran-sanctions-reactivated
    """

    def test_thirty_days_end_at_8_pm_in_new_york(self) -> None:
        """30 days from 28 August is 27 September; its UTC end is 20:00 EDT."""
        deadline = Deadline.after(pendulum.date(2025, 8, 28), "P30D")
        assert deadline.due == pendulum.date(2025, 9, 27)
        assert deadline.cutoff == pendulum.datetime(2025, 9, 28, tz="UTC")
        assert deadline.cutoff.in_timezone(NY) == pendulum.datetime(
            2025, 9, 27, 20, tz=NY
        )


class TestNewStart:
    """
    New START: in force 5 February 2011 for ten years, extended by five.

    Sources:
    - National Post (Reuters), 2021-02-03, "U.S. extends New START treaty with
      Russia for five years: Blinken" ("until February 5, 2026"),
      https://nationalpost.com/pmn/news-pmn/u-s-extends-new-start-treaty-with-russia-for-five-years-blinken
    - ASIL, n.d., "U.S. Extends New START Treaty with Russia for Five Years",
      https://asil.org/print/ILIB/us-extends-new-start-treaty-russia-five-years
    - Particle News, n.d.: "set to lapse on February 5, 2026",
      https://particle.news/story/kremlin-says-us-still-silent-on-putins-oneyear-new-start-limits-as-treaty-nears-expiry
    """

    def test_ten_years_then_five(self) -> None:
        """5 Feb 2011 + P10Y = 5 Feb 2021; + P5Y = 5 Feb 2026 (date only: no hour given)."""
        treaty = Deadline.after(pendulum.date(2011, 2, 5), "P10Y")
        assert treaty.due == pendulum.date(2021, 2, 5)
        assert treaty.extended(years=5).due == pendulum.date(2026, 2, 5)
        assert treaty.extended(years=5).period == Period(years=5)


class TestNysnaStrikeNotice:
    """
    New York nurses' 10-day strike notice (NLRA section 8(g)), across the new
    year; and a 60-day contract notice counted back from the expiry.

    Sources:
    - NYSNA, 2022-12-30, "NYC Nurses Announce Strike",
      https://www.nysna.org/press/2022/nyc-nurses-announce-strike%C2%A0
    - CBS New York, 2022-12-31, "Nurses at 8 New York City hospitals give 10-day
      strike notice",
      https://www.cbsnews.com/newyork/news/new-york-city-hospitals-nurses-announce-strike/
    - Montefiore statement (PR Newswire via finanzen.at), 2023-01-09: "at 6AM,
      NYSNA nurses will be on strike",
      https://www.finanzen.at/nachrichten/aktien/statement-from-montefiore-medical-center-regarding-nysna-nurses-strike-1032007158
    - Jet Line Products, 229 NLRB 322 (1977), casetext: notice "due by December
      2, 1974" for a contract expiring 31 January 1975,
      https://casetext.com/admin-law/jet-line-products-inc
    """

    def test_ten_calendar_days_across_the_new_year(self) -> None:
        """Notice on Friday 30 December 2022: strike from Monday 9 January 2023."""
        notice = Deadline.after(pendulum.date(2022, 12, 30), "P10D", tz=NY)
        assert notice.due == pendulum.date(2023, 1, 9)
        strike = pendulum.datetime(2023, 1, 9, 6, tz=NY)
        assert not notice.is_past(at=strike)  # 06:00 on the 10th day
        # weekends and New Year's Day count: 10 business days would be 13 January
        business = Deadline.after_business_days(
            pendulum.date(2022, 12, 30), 10, holidays={pendulum.date(2023, 1, 2)}
        )
        assert business.due == pendulum.date(2023, 1, 16)

    def test_sixty_days_before_expiry(self) -> None:
        """Notice due 2 December 1974 is exactly 60 days before 31 January 1975."""
        assert Deadline.after(pendulum.date(1974, 12, 2), days=60).due == (
            pendulum.date(1975, 1, 31)
        )


class TestRmtStrikeNotice2022:
    """
    The RMT's national rail strike of 21 June 2022, announced on 7 June: 14
    days' notice under the Trade Union Act 2016 (calendar days).

    Sources:
    - The Guardian, 2022-06-07, "Rail workers to stage three-day strike in June…",
      https://www.theguardian.com/business/2022/jun/07/rail-workers-to-stage-three-day-strike-in-june-over-possible-job-losses
    - Brachers, n.d., "The Trade Union Act 2016 now in force",
      https://www.brachers.co.uk/insights/the-trade-union-act-2016-now-in-force
    - Labour Research Department, September 2002: notice is "seven straight
      days not working days",
      https://lrdpublications.org.uk/printarticle.php?id=id131073&iss=1191&pub=LR
    """

    def test_notice_served_on_the_last_allowed_day(self) -> None:
        """7 June + P14D = 21 June, the first strike day."""
        notice = Deadline.after(pendulum.date(2022, 6, 7), "P2W", tz="Europe/London")
        assert notice.due == pendulum.date(2022, 6, 21)


class TestGdlPeaceObligation2024:
    """
    Deutsche Bahn and the GDL agreed talks from 5 February 2024 with a no-strike
    obligation "bis einschließlich" Sunday 3 March: four weeks, because 2024 is a
    leap year.

    Sources:
    - SRF, 2024-01: "Friedenspflicht bis zum 3. März … Ab 5. Februar",
      https://www.srf.ch/news/international/bahnstreik-in-deutschland-deutsche-zuege-sollen-schon-ab-montagmorgen-wieder-fahren
    - WirtschaftsWoche, 2024-03: "Friedenspflicht bis einschließlich diesen
      Sonntag",
      https://www.wiwo.de/unternehmen/dienstleister/gdl-und-deutsche-bahn-tarifverhandlungen-gescheitert-wann-drohen-neue-streiks/29682648.html
    """

    berlin = "Europe/Berlin"

    def test_four_weeks_is_the_inclusive_end_of_3_march(self) -> None:
        """Four weeks from midnight 5 February ends when 3 March ends, in Berlin."""
        start = pendulum.datetime(2024, 2, 5, tz=self.berlin)
        four_weeks = Deadline.after(start, "P4W")
        inclusive = Deadline.on(pendulum.date(2024, 3, 3), tz=self.berlin)
        assert utc(four_weeks.cutoff) == utc(inclusive.cutoff)
        assert not inclusive.is_past(
            at=pendulum.datetime(2024, 3, 3, 23, 59, 59, tz=self.berlin)
        )

    def test_same_words_in_2025_would_be_a_day_shorter(self) -> None:
        """Without 29 February, 5 February to the end of 3 March is 27 days."""
        inclusive = Deadline.on(pendulum.date(2025, 3, 3), tz=self.berlin)
        start = pendulum.datetime(2025, 2, 5, tz=self.berlin)
        assert inclusive.remaining(at=start) == pendulum.duration(days=27)


class TestEnergyStrikeMoratorium2025:
    """
    Russia's 30-day halt on strikes on Ukrainian energy sites from 18 March 2025:
    the Kremlin counted 18 March as day 1, so it said 16 April.

    Sources:
    - TASS, 2025-04-14: "after it expires on April 16 (30 days since the
      moratorium was announced on March 18)", https://tass.com/politics/1943057
    - Pravda.ru, n.d.: "the moratorium expired on April 16",
      https://english.pravda.ru/news/world/162103-energy-strikes-moratorium
    - The Moscow Times, 2025-04-18,
      https://themoscowtimes.com/2025/04/18/pause-in-air-strikes-on-ukraines-energy-grid-has-expired-kremlin-says-a88791
    """

    announced = pendulum.date(2025, 3, 18)

    def test_library_and_kremlin_counts_differ_by_a_day(self) -> None:
        """P30D gives 17 April; counting the anchor as day 1 (29 more days) gives 16 April."""
        assert Deadline.after(self.announced, "P30D").due == pendulum.date(2025, 4, 17)
        kremlin = Deadline.after(self.announced, "P29D", tz="Europe/Moscow")
        assert kremlin.due == pendulum.date(2025, 4, 16)

    def test_thirty_days_in_kyiv_are_719_hours(self) -> None:
        """Kyiv moved its clocks on 30 March: 30 wall-clock days are 719 hours."""
        midnight = pendulum.datetime(2025, 3, 18, tz="Europe/Kyiv")
        days = Deadline.after(midnight, "P30D")
        hours = Deadline.after(midnight, hours=30 * 24)
        assert utc(days.due) - utc(midnight) == dt.timedelta(hours=719)
        assert hours.due == pendulum.datetime(2025, 4, 17, 1, tz="Europe/Kyiv")


class TestRussianTruces2025:
    """
    The Victory Day truce "from midnight on May 8 to midnight on May 11" (72
    hours) and the Easter truce of 19–21 April 2025 (30 hours), Moscow time.

    Sources:
    - Interfax-Ukraine, 2025-04-28, "Putin declares ceasefire from midnight on
      May 8 to midnight on May 11",
      https://en.interfax.com.ua/news/general/1067295.html
    - The Hans India (AP), 2025-04-29: "from the start of May 8 (2100 GMT …)
      through the end of May 10 (2100 GMT …)",
      https://www.thehansindia.com/news/international/russia-declares-72-hour-ceasefire-966548
    - Ukrainska Pravda, 2025-04-19: Easter truce "from 18:00 on 19 April Moscow
      time … until 00:00 on 21 April",
      https://www.pravda.com.ua/eng/news/2025/04/19/7508300/
    """

    moscow = "Europe/Moscow"

    def test_victory_day_72_hours(self) -> None:
        """72 hours from 00:00 MSK on 8 May end at 21:00 GMT on 10 May (AP)."""
        start = pendulum.datetime(2025, 5, 8, tz=self.moscow)
        truce = Deadline.after(start, "PT72H")
        assert truce.due == pendulum.datetime(2025, 5, 11, tz=self.moscow)
        assert utc(truce.due) == dt.datetime(2025, 5, 10, 21, tzinfo=dt.UTC)
        # "through the end of May 10" names the same instant
        assert utc(Deadline.on(pendulum.date(2025, 5, 10), tz=self.moscow).cutoff) == (
            utc(truce.due)
        )

    def test_easter_30_hours(self) -> None:
        """18:00 MSK on 19 April plus 30 hours is 00:00 MSK on 21 April."""
        start = pendulum.datetime(2025, 4, 19, 18, tz=self.moscow)
        assert Deadline.after(start, "PT30H").due == pendulum.datetime(
            2025, 4, 21, tz=self.moscow
        )


class TestBcPortsStrikeNotice2024:
    """
    ILWU Local 514's 72-hour strike notice for 08:00 Pacific on Monday 4
    November 2024; Pacific clocks went back on Sunday 3 November.

    Sources:
    - Global News, 2024-11-04, "Lockout … B.C. ports" ("issued 72-hour strike
      notice on Friday"),
      https://globalnews.ca/news/10849652/lockout-bc-ports-labour-dispute/
    - The Spokesman-Review (Bloomberg), 2024-11-04: "a 72-hour advance notice …
      of a walkout starting at 8 a.m. Pacific Monday",
      https://www.spokesman.com/stories/2024/nov/04/canada-west-coast-ports-to-lock-out-workers-after-/
    - Shipping Telegraph, n.d.: "72-hour strike notice for 8 a.m. Pacific time",
      https://shippingtelegraph.com/port-news/b-c-port-federal-mediators-on-site-to-avoid-labour-disruption

    The sources disagree on the day the notice was served (Thursday or Friday)
    and give no time, so only the arithmetic around the clock change is checked.
    """

    vancouver = "America/Vancouver"

    def test_72_hours_across_the_end_of_dst(self) -> None:
        """From 08:00 PDT Friday, 72 hours is 07:00 PST Monday; three days is 08:00 (73 h)."""
        friday = pendulum.datetime(2024, 11, 1, 8, tz=self.vancouver)
        hours = Deadline.after(friday, "PT72H")
        days = Deadline.after(friday, "P3D")
        assert hours.due == pendulum.datetime(2024, 11, 4, 7, tz=self.vancouver)
        assert days.due == pendulum.datetime(2024, 11, 4, 8, tz=self.vancouver)
        assert days.remaining(at=friday) == pendulum.duration(hours=73)

    def test_latest_service_for_08_00_monday(self) -> None:
        """Served at 09:00 PDT on Friday, 72 elapsed hours reach 08:00 PST on Monday."""
        served = pendulum.datetime(2024, 11, 1, 9, tz=self.vancouver)
        assert Deadline.after(served, hours=72).due == pendulum.datetime(
            2024, 11, 4, 8, tz=self.vancouver
        )


class TestWorkedExamplesOfTheRules:
    """The two examples the rules are stated with (see the deadlines docs)."""

    def test_48_hours_from_noon_8_march_2025_new_york(self) -> None:
        """48 hours is 13:00 on 10 March; two days is 12:00 (US clocks moved on 9 March)."""
        noon = pendulum.datetime(2025, 3, 8, 12, tz=NY)
        assert Deadline.after(noon, "PT48H").due == pendulum.datetime(
            2025, 3, 10, 13, tz=NY
        )
        assert Deadline.after(noon, "P2D").due == pendulum.datetime(
            2025, 3, 10, 12, tz=NY
        )
