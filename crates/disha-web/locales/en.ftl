# Every piece of fixed text the pages show, in Project Fluent syntax (https://projectfluent.org).
# A translation is a copy of this file with the values changed. `{ $name }` marks a value filled in at run
# time; plurals use Fluent selectors, so each language states its own plural rules.

site_name = Disha
site_tagline = Honest, India-specific guides to careers, courses and colleges
skip_to_content = Skip to main content
nav_label = Main
nav_home = Home
nav_careers = Careers
footer_about_before = Disha (
footer_about_hindi = दिशा
footer_about_after = , “direction”) is an open career-guidance platform for students from class 9 upwards and their parents.
footer_api = The Disha JSON API, for apps
footer_figures = Fees and salaries are shown as ranges with their source, date and basis. Figures marked “Example” are editorial estimates, not survey results: check with the institute or employer before you decide.
footer_licence = Disha’s code is open source under the MIT or Apache 2.0 licence, and its career guides are shared under Creative Commons Attribution 4.0 (CC BY 4.0), so schools and NGOs may run, copy and adapt them.
footer_onet = This product includes information from the O*NET 27.0 Database by the U.S. Department of Labor, Employment and Training Administration (USDOL/ETA). Used under the CC BY 4.0 license. O*NET® is a trademark of USDOL/ETA. Interest scores and Job Zones come from O*NET; Disha has adapted the career text for India.
home_title = Disha: find your direction after class 10 and 12
home_description = Plain guides to careers in India: what the work is, which stream and entrance exams lead there, what courses cost and what jobs pay.
home_heading = Which stream are you in, or considering?
home_schools_lead = Pick the stream you study after class 10, or the one you are thinking about, to see the careers it leads to.
school_stream_hint_pcm = Physics, Chemistry, Maths
school_stream_hint_pcb = Physics, Chemistry, Biology
school_stream_hint_commerce = Accounts, Business, Economics
school_stream_hint_humanities = History, Political Science, languages and more
school_stream_hint_vocational = Straight after class 10
home_search = Or search careers, courses and colleges
home_streams_lead = Careers grouped by the kind of work.
home_intro = Read plain guides to { $total } careers: what the work is like, which stream to pick after class 10, which entrance exams and courses lead there, what they cost and what the jobs pay.
search_label = Search careers, courses, colleges and articles
search_hint = For example: software, MBBS, CA, nursing, B.Tech, lawyer, Pune. A small spelling slip is fine.
search_button = Search
home_streams = Browse by career field
home_featured = Featured careers
home_all_careers = See all { $total } careers
careers_title = All careers
careers_description = Browse career guides for students in India by stream and by how much study they need.
careers_heading = Careers
careers_intro = Choose the stream you take after class 10, the kind of work or how long the study takes, or type a career or a word such as software, MBBS or CA.
filter_heading = Filter careers
filter_stream = Career field
filter_school_stream = Stream after class 10
filter_any_school_stream = Any stream
filter_any_stream = All fields
filter_level = Education level
filter_any_level = Any level
filter_q = Career or word (software, MBBS, CA …)
filter_sort = Sort by
sort_title = Name (A–Z)
sort_level = Shortest study first
sort_updated = Recently updated
filter_apply = Show careers
filter_clear = Clear filters
results_none = No careers match these filters. Try fewer filters or another word.
none_heading = Other places to look
did_you_mean = Did you mean one of these?
browse_fields = Or browse careers by field:
see_all_careers = See every career
pagination_label = Pages of results
pagination_prev = Previous page
pagination_next = Next page
pagination_page = Page { $page }
pagination_current = Page { $page } of { $pages }
invalid_filters = Some filters were not understood:
level-after-10 = After class 10: ITI or polytechnic diploma
level-after-12 = After class 12: a certificate or diploma
level-bachelors = A bachelor's degree
level-professional = A professional degree (MBBS, LLB, B.Arch, CA …)
level-masters = A master's degree
level-doctorate = A doctorate (PhD)
level_short-after-10 = After class 10 (ITI, diploma)
level_short-after-12 = After class 12 (diploma)
level_short-bachelors = Bachelor's degree
level_short-professional = Professional degree
level_short-masters = Master's degree
level_short-doctorate = Doctorate
job_zone = O*NET Job Zone { $zone } of 5 (how much preparation the US occupation needs): { $text }
job_zone_1 = little preparation
job_zone_2 = some preparation, usually high school
job_zone_3 = medium preparation, usually vocational training or an associate degree
job_zone_4 = considerable preparation, usually a bachelor's degree
job_zone_5 = extensive preparation, usually a graduate or professional degree
breadcrumb_label = Breadcrumb
career_facts = At a glance
career_stream = Career field
career_level = Shortest education
career_holland = Holland code
suits_you = Suits you if you enjoy { $likes }.
list_and = { $count ->
    [2] { $init } and { $last }
   *[other] { $init }, and { $last }
}
enjoy_r = hands-on practical work
enjoy_i = ideas and research
enjoy_a = creating and designing
enjoy_s = helping and teaching people
enjoy_e = leading and persuading people
enjoy_c = order and careful detail
interests_details = About these scores (O*NET)
glance_streams = Stream after class 10
glance_exams = Main entrance exams
glance_route = Shortest route
glance_cost = Cost of the usual route, in all
glance_notes = Where these figures come from
glance_pay = Starting pay
glance_route_value = { $route } ({ $years ->
    [one] { $years } year
   *[other] { $years } years
})
glance_cost_value = ₹{ $min }–₹{ $max } in all
glance_pay_value = ₹{ $min }–{ $max } lakh a year as { $basis }, about ₹{ $month_min }–₹{ $month_max } a month in hand
career_routes = Ways in
route_label = Route { $letter }
route_years = { $years ->
    [one] { $years } year
   *[other] { $years } years
}
career_stream_notes = Which stream after class 10
school_stream_pcm = Science (PCM)
school_stream_pcb = Science (PCB)
school_stream_commerce = Commerce
school_stream_humanities = Humanities
school_stream_vocational = ITI or polytechnic diploma
career_on_this_page = On this page
career_overview = Overview
career_responsibilities = Roles and responsibilities
career_steps = Steps to get there
career_courses = Courses and fees
career_courses_ug = Undergraduate (UG) courses
career_courses_pg = Postgraduate (PG) courses
course_name = Course
course_duration = Duration
course_exams = Entrance exams
course_fees = Fees
course_total = Whole course, about
course_total_note = “Whole course” is the yearly fee times the course length, rounded; hostel, books and exam fees are extra unless the source says otherwise.
course_exams_none = Institute admission or merit
duration_one = 1 year
duration_many = { $years } years
fee_per_year = a year
fee_total = for the whole course
fee_free = No fee
fee_range = ₹{ $min }–₹{ $max } { $per }
career_colleges = Well-known colleges
career_skills = Skills you need
career_jobs = Jobs and salaries
job_title = Job title
job_experience = Experience
job_salary = Salary
job_basis = Basis
salary_range = ₹{ $min }–{ $max } lakh a year
basis_ctc = CTC (cost to company)
basis_in_hand = In-hand
basis_gross = gross pay (basic pay plus allowances)
basis_ctc_explained = CTC (cost to company) is everything an employer spends on you in a year, including its provident fund share and any bonus. In-hand pay is what reaches your bank account each month after tax and deductions, so it is well below CTC divided by 12.
basis_in_hand_explained = In-hand pay is what reaches your bank account each month after tax and deductions.
basis_gross_explained = Government pay is set by an official pay scale. Gross pay is basic pay plus allowances such as dearness allowance (DA) and house rent allowance (HRA), before deductions; in-hand pay is what is left after pension contribution, insurance and tax.
glance_scale = Official scale: { $scale }, basic pay ₹{ $basic } a month.
source_checked = (checked { $date })
example_mark = Example
official_scale_mark = Official pay scale
figures_source = Source: { $source }. As of { $as_of }.
figures_note = “Example” marks an editorial estimate, not a survey result. Pay varies a lot by city, employer and skill.
career_interests = Interest profile
interests_intro = How strongly people in this work tend to show each of six kinds of interest, from 1 (low) to 7 (high).
interests_source = The six are the Holland (RIASEC) interests; the scores are O*NET's for occupation { $code }, “{ $title }”.
interests_borrowed = This career is O*NET occupation { $code }, “{ $title }”. O*NET 27.0 has no interest scores for it, so the scores shown are those of the closest occupation that has them.
interest_score = Score
riasec_r = Realistic: hands-on, practical work
riasec_i = Investigative: ideas, analysis, research
riasec_a = Artistic: creating, designing, expressing
riasec_s = Social: helping, teaching, caring
riasec_e = Enterprising: leading, persuading, selling
riasec_c = Conventional: order, detail, procedures
career_faqs = Frequently asked questions
career_related = Related careers
career_revision = Revision { $revision }, last changed on this site { $date }.
career_reviewed = Checked against its sources by { $who } on { $date }.
career_seats = Seats with conditions
seats_intro = Some seats on the routes above are open only to some students. Check the official page before you apply.
seat_where = Where
seat_basis = Depends on
seat_rule = Condition
seat_basis_gender = Gender
seat_basis_domicile = State of residence (domicile)
seat_basis_category = Reserved category
seat_official_page = Official page
career_pending = Still being confirmed
pending_intro = These points may change soon, or we could not yet confirm them as current. Check the official source before you rely on them.
career_sources = Official sources
sources_intro = Where the exams, eligibility rules and regulators on this page come from, with the date an editor last checked each page.
source_covers = Covers { $topics }. Checked { $date }.
source_topic_exams = entrance exams
source_topic_eligibility = eligibility
source_topic_regulator = regulator
error_not_found_title = Page not found
error_not_found_body = We could not find that page. It may have moved, or the address may be mistyped.
error_invalid_input_title = That request was not understood
error_invalid_input_body = Please check the address or the form and try again.
error_unavailable_title = Disha is busy
error_unavailable_body = We could not reach our database just now. Please try again in a minute.
error_internal_title = Something went wrong
error_internal_body = An error on our side stopped this page. It has been logged and we will look into it.
error_popular = Some careers to start with
error_go_home = Go to the home page
error_request_id = Reference: { $id }
api_docs_title = Disha JSON API
api_docs_intro = Disha's data as JSON, for apps. The machine-readable OpenAPI document is at { $spec }.
api_docs_parameters = Parameters
api_docs_responses = Responses
api_docs_name = Name
api_docs_in = In
api_docs_required = Required
api_docs_description = Description
api_docs_yes = yes
api_docs_no = no
stream_count = { $count ->
    [one] { $count } career
   *[other] { $count } careers
}
results_count = { $total ->
    [one] Showing the only matching career
   *[other] Showing { $from }–{ $to } of { $total } careers
}

## Career fields, by key
stream-engineering-technology = Engineering & Technology
stream-medicine-health = Medicine & Health
stream-commerce-finance = Commerce & Finance
stream-arts-humanities = Arts & Humanities
stream-law = Law
stream-design = Design
stream-science-research = Science & Research
stream-media-communication = Media & Communication
stream-education = Education
stream-government-defence = Government & Defence
stream-hospitality-tourism = Hospitality & Tourism
stream-agriculture-environment = Agriculture & Environment
stream-sports = Sports
stream-skilled-trades = Skilled Trades & Transport

## Errors: a title and a sentence per code
error_unauthorized_title = Please sign in
error_unauthorized_body = You need to sign in to see this.
error_forbidden_title = Not allowed
error_forbidden_body = Your account cannot do this.
error_conflict_title = Already taken
error_conflict_body = Something with that value already exists. Choose another and try again.
error_payload_too_large_title = Too much to send
error_payload_too_large_body = What you sent is larger than Disha accepts. Please send less and try again.
error_unprocessable_title = Please check the form
error_unprocessable_body = Some of the values cannot be used. Each problem is listed below.
error_rate_limited_title = Too many tries
error_rate_limited_body = Please wait a little and try again.

## Field errors: one per code, filled with its parameters
field-error-empty = is empty; choose a value or leave it out
field-error-length = must be { $min } to { $max } characters (it has { $actual })
field-error-count = must have { $min } to { $max } items (it has { $actual })
field-error-range = must be a whole number from { $min } to { $max }
field-error-one_of = must be one of: { $allowed }
field-error-format = must be written as { $expected }
field-error-unknown = is not a known field; expected one of { $expected }
field-error-inconsistent = does not agree with { $other }
field-error-invalid = { $detail }
compare_heading = Compare careers
compare_heading_with = Compare { $titles }
compare_description = Put two or three careers side by side: streams, exams, how long the route takes, what it costs and what the first job pays.
compare_intro = Choose two or three careers to see their streams, entrance exams, route length, cost and starting pay side by side.
compare_choose = Choose careers to compare
compare_pick = Career { $n }
compare_pick_optional = Career { $n } (optional)
compare_none = Choose a career
compare_button = Compare
compare_suits = Suits you if you enjoy
compare_sources = Figures are ranges; each career's page gives their sources and dates.
compare_link = Compare with another career
share_whatsapp = Share on WhatsApp
share_text = { $title }: a plain guide on Disha { $url }
report_link = Report a mistake
about_how_we_work = How we write and check profiles
about_heading = About Disha
about_description = Who writes and checks Disha's career guides, how figures are made, where the data comes from and how to report a mistake.
nav_about = About
footer_about_link = About Disha: who writes it and how to report a mistake
report_heading = Report a mistake
report_description = Tell Disha's editors about a mistake in a career guide.
report_lead = Tell the editors what is wrong on this page. They read every report and correct the page; a corrected page shows a new “checked on” date.
report_no_contact = Please do not type your name, email or phone number. We do not need them, and we do not reply to reports.
report_fix = Please fix these and send again:
report_section = Which part is wrong?
report_section_choose = Choose a part of the page
report_message = What is wrong?
report_message_hint = Say what the page says and what is correct, in 10 to 2,000 characters. For example: “The fee for B.Sc Nursing at AIIMS is now …”.
report_url = Where is the correct fact published? (optional)
report_url_hint = A link to the official page helps most, such as the exam body's or the regulator's website.
report_send = Send report
report_back = Back to the career guide
report_limited = Thank you, but many reports have come from your connection in the last hour. Please try again in about { $minutes ->
    [one] a minute
   *[other] { $minutes } minutes
}; your text is kept below.
report_thanks_heading = Thank you for your report
report_thanks_body = An editor will check it against the official sources and correct the page if it is wrong. We do not reply to reports, so there is nothing more you need to do.
report_thanks_back = Back to { $title }
section-at-a-glance = The facts at the top (streams, exams, route, cost, pay)
section-overview = Overview
section-routes = Ways in
section-steps = Steps to get there
section-courses = Courses and fees
section-seats = Seats with conditions
section-colleges = Colleges
section-jobs = Jobs and salaries
section-faqs = Questions and answers
section-sources = Official sources
section-other = Something else
sign_in_heading = Sign in
sign_in_description = Sign in to Disha.
sign_in_lead = Sign in with the email address and password of your Disha account.
sign_in_email = Email address
sign_in_password = Password
sign_in_button = Sign in
sign_in_failed = That email and password did not match an account. Check them and try again.
account_heading = Your account
account_signed_in_as = You are signed in as { $username }.
account_role = Role
sign_out_button = Sign out
role-student = Student
role-counsellor = Counsellor
role-editor = Editor
role-admin = Administrator
forgot_link = Forgot your password?
forgot_heading = Reset your password
forgot_lead = Type the email address of your account. We will send a link to set a new password.
forgot_button = Send the link
forgot_sent = If an account uses that address, a link to set a new password is on its way. It works once, for one hour. Check your spam folder if it does not arrive in a few minutes.
reset_mail_subject = Set a new Disha password
reset_mail_body =
    Someone asked to set a new password for your Disha account. If it was you, open this link within { $hours ->
        [one] an hour
       *[other] { $hours } hours
    }:

    { $link }

    The link works once. If you did not ask, you can ignore this mail; your password stays as it is.
reset_heading = Set a new password
reset_lead = Choose a new password of at least 10 characters. Signing in anywhere else will end.
reset_new_password = New password
reset_password_hint = At least 10 characters; not a common password such as 1234567890.
reset_button = Set the password
reset_expired = This link has expired or was already used. Ask for a new one from the sign-in page.
footer_sign_in = Sign in
reset_done = Your new password is set, and you were signed out everywhere else. Sign in with it now.
register_heading = Create an account
register_description = Create a free Disha account to comment and, soon, to save careers and track your progress.
register_lead = It is free. We send one email to check your address, and never show it to anyone.
register_username = Username (shown with your comments)
register_username_hint = 3 to 30 letters, digits, _, - or . — use a nickname if you like.
register_email_hint = Only used to sign in and to reset your password. Never shown.
register_button = Create my account
register_have_account = Already have an account?
register_link = Create an account
required_mark = (required)
form_has_errors = Please correct these:
register_sent_heading = Check your email
register_sent_lead = We have sent a message to the address you gave. Open the link in it to finish creating your account; it works for { $hours } hours. If it does not arrive in a few minutes, look in your spam folder.
verify_mail_subject = Confirm your Disha account
verify_mail_body =
    Hello { $username },

    Open this link to confirm your email address and finish creating your Disha account:

    { $link }

    The link works once, for { $hours } hours. If you did not create an account, ignore this message; nothing
    more will be sent.
taken_mail_subject = Someone tried to create a Disha account with your address
taken_mail_body =
    Hello,

    Someone, perhaps you, tried to create a new Disha account with this email address. You already have an
    account, so no new one was made.

    To sign in: { $signin }
    Forgot your password? { $reset }

    If it was not you, you need do nothing.
verify_heading = Confirm your email address
verify_lead = Press the button to confirm this address and finish creating your account.
verify_button = Confirm my address
verify_done_heading = Your address is confirmed
verify_done_lead = Thank you. Your account is ready: you can sign in with your email address and password.
verify_expired = This link has expired or was already used. If your account is not confirmed yet, create it again.
verify_taken = This address already belongs to another account that was confirmed first. Sign in to that one, or reset its password.
account_unverified = Your email address is not confirmed yet. Open the link we sent you; until then your comments wait for an editor.
register_username_taken = someone already uses this name; choose another.
comments_heading = Questions and comments
comments_none = No comments yet. Ask a question or share what you know.
comment_waiting = waiting for an editor
comment_reply = Reply
comment_leave = Leave a reply
comment_replying_to = Replying to
comment_guest_lead = Your email address is never shown. Comments from people without an account appear once an editor has read them.
comment_name = Name (shown with your comment)
comment_email_hint = Needed so an editor can reach you about your comment; never shown anywhere.
comment_website = Website (optional)
comment_honeypot = Leave this empty
comment_text = Comment
comment_text_hint = Plain text, up to 5,000 characters. At most 2 links.
comment_send = Post comment
comment_thanks_heading = Thank you
comment_thanks_lead = Your comment will appear once an editor has read it, usually within a day.
comment_back = Back to { $title }
moderation_heading = Comments waiting for an editor
moderation_counts = { $pending } waiting · { $published } published · { $spam } marked as spam
moderation_empty = Nothing is waiting.
moderation_approve = Publish
moderation_spam = Spam
moderation_delete = Delete
sign_in_no_account = New to Disha?
nav_blog = Blog
blog_heading = Articles
blog_description = Plain guides for students and parents in India: streams, entrance exams, courses and careers.
blog_lead = Plain guides for students and parents: streams, entrance exams, courses and careers.
blog_tag_heading = Articles tagged “{ $tag }”
blog_tags = Topics
blog_empty = No articles here yet.
blog_newer = Newer articles
blog_older = Older articles
blog_feed = Follow new articles (Atom feed)
blog_byline = By { $author } · { $date } · { $minutes ->
        [one] 1 minute read
       *[other] { $minutes } minutes read
    }
blog_about_author = About the author
blog_edit = Edit this article
blog_pending_note = This article waits for an editor; only you and the editors can see it.
blog_draft_note = This is a draft; only its author and the editors can see it.
blog_write = Write an article
blog_edit_heading = Edit “{ $title }”
blog_field_title = Title
blog_field_description = One-sentence summary
blog_field_body = Article
blog_field_body_hint = Markdown: **bold**, *italic*, [link](https://…), lists with -, headings with ##. Scripts and embedded HTML are removed.
blog_field_tags = Topics
blog_field_tags_hint = Up to 8, separated by commas: for example NEET, class 12.
blog_preview = Preview
blog_preview_heading = Preview
blog_save_draft = Save as draft
blog_submit = Send to the editors
blog_save = Save changes
blog_publish = Publish
blog_saved = Saved. Revision { $revision }.
author_articles = Articles
newsletter_footer_label = Get new guides by email
newsletter_footer_hint = About twice a month. We ask you to confirm first, and every email has a one-click unsubscribe link.
newsletter_choose_topics = Choose topics
newsletter_button = Subscribe
newsletter_heading = The Disha newsletter
newsletter_description = New guides on streams, entrance exams, courses and careers, by email.
newsletter_lead = New guides on streams, entrance exams, courses and careers, about twice a month.
newsletter_topics = Topics (leave all empty to get everything)
newsletter_privacy = We use your address only to send the newsletter. You confirm first, and you can leave with one click from any email.
newsletter_check_heading = Check your email
newsletter_check_lead = If this address is not subscribed yet, a message with a confirmation link is on its way. The link works for { $hours } hours. Nothing is sent until you confirm.
newsletter_confirm_mail_subject = Confirm your Disha newsletter subscription
newsletter_confirm_mail_body =
    Hello,

    Someone, probably you, asked to get the Disha newsletter at this address. To confirm, open:

    { $link }

    The link works for { $hours } hours. If you did not ask, ignore this message; you will get nothing more.
newsletter_confirm_heading = Confirm your subscription
newsletter_confirm_lead = Press the button to start getting the newsletter at this address.
newsletter_confirm_button = Confirm my subscription
newsletter_confirmed_heading = You are subscribed
newsletter_confirmed_lead = Thank you. The next issue will reach you. Every email has a link to stop at any time.
newsletter_confirm_expired = This link has expired or was already used. Subscribe again to get a new one.
newsletter_unsubscribe_heading = Stop the newsletter
newsletter_unsubscribe_lead = Press the button and this address gets no more issues. We keep nothing of it.
newsletter_unsubscribe_button = Unsubscribe
newsletter_unsubscribed_heading = You are unsubscribed
newsletter_unsubscribed_lead = This address will get no more issues, and we have deleted it.
newsletter_issue_footer =
    —
    You get this because you subscribed to the Disha newsletter. To stop, open: { $link }
newsletter_send_heading = Send a newsletter issue
newsletter_subject = Subject
newsletter_body = Issue (Markdown, sent as plain text)
newsletter_to = Send to
newsletter_to_all = Every confirmed reader
newsletter_send_button = Send the issue
newsletter_sent = Queued for { $count ->
        [one] 1 reader
       *[other] { $count } readers
    }.

## The college finder
nav_colleges = Colleges
colleges_title = Find a college
colleges_description = Search colleges across India, from AICTE-approved colleges to IITs, NITs, AIIMS and NLUs, by state, district, course and level; see the seats each programme has, and compare up to four side by side.
colleges_intro = Every AICTE-approved college and polytechnic, with the seats in each course, and the IITs, NITs, AIIMS, NLUs and other institutes AICTE does not approve. Pick a course or a state.
colleges_filter_heading = Filter colleges
colleges_filter_q = Name of the college
colleges_filter_course = Course
colleges_any_course = Any course
colleges_filter_state = State or union territory
colleges_any_state = Anywhere in India
colleges_filter_district = District
colleges_filter_type = Run by
colleges_any_type = Any
colleges_filter_level = Level
colleges_any_level = Any level
colleges_filter_women = Only colleges for women
colleges_sort_name = Name, A to Z
colleges_sort_intake = Most seats first
colleges_apply = Show colleges
colleges_results = Colleges found
colleges_count = { $total ->
    [one] 1 college
   *[other] { $total } colleges
} · page { $page } of { $pages }
colleges_none = No college matches these filters. Try fewer filters, or another state.
colleges_course_note = Colleges that teach { $course }: by the names AICTE's list gives the course, and the institutes in Disha's checked list that teach it.
colleges_row_facts = { $programmes ->
    [one] 1 programme
   *[other] { $programmes } programmes
}, { $seats } seats a year
colleges_row_curated = { $programmes ->
    [one] 1 main programme
   *[other] { $programmes } main programmes
}, facts checked by Disha
colleges_compare_hint = Tick up to four colleges, then compare them side by side.
colleges_compare_this = Compare
colleges_compare_button = Compare the ticked colleges
colleges_compare_heading = Colleges side by side
colleges_compare_description = Colleges side by side: who runs them, where they are, their university, seats and courses.
colleges_compare_more = To add another college, open the list of colleges, tick up to four and compare again.
colleges_source = Data: AICTE's list of approved institutions, as published on AICTE's website and compiled by Anbuselvan Annamalai's indian-colleges-data (MIT licence), read in 2025. Seats are the approved intake; AICTE's list gives no fees. Institutes AICTE does not approve come from Disha's own list, checked against each institute's official website.
college_description = { $name }, { $place }: its AICTE-approved programmes and the seats in each.
college_type = Run by
college_place = Place
college_university = University
college_women_only = For women only
college_minority = Minority institution
college_address = Address
college_total_seats = Seats a year
college_levels = Levels (programmes)
college_ug_courses = Undergraduate courses
college_programmes = Programmes and seats
college_course = Course
college_field = Field
college_shift = Shift
college_seats = Seats
college_seats_not_listed = Not in AICTE's list
college_yes = Yes
college_no = No
college_compare_link = Compare this college with others
college_source_aicte = Source: AICTE's list of approved institutions (AICTE id { $id }), compiled by indian-colleges-data (MIT licence). Check fees and admission on the college's own website.
college_source_catalog = Source: Disha's curated list of institutes, checked against each institute's official website.
career_find_colleges = Colleges that teach these courses
footer_compare = Compare careers

## US occupations (O*NET) and US wages (BLS)
us_data_mark = US data
occupation_badge = US occupation, from O*NET
occupation_intro = This page describes the job as it is done in the United States, from O*NET, the US government's database of occupations. Courses, entrance exams and pay in India are different.
occupation_curated = Disha has a profile written for students in India:
occupation_facts = Key facts (US)
occupation_field = Career field
occupation_us_education = Most common US education
occupation_us_education_value = { $level } ({ $percent }% of US workers asked)
occupation_us_pay = US pay, median
occupation_us_pay_value = { $median } a year
occupation_tasks = What they do
occupation_more_tasks = { $count ->
    [one] One more task
   *[other] { $count } more tasks
}
occupation_titles = Also called
occupation_interests = Interests
occupation_technology = Software and tools
occupation_tools_note = By kind of tool. Names in bold are often asked for in US job adverts.
occupation_education = Education of US workers
occupation_education_intro = What US workers in this occupation said is needed to do the job.
occupation_education_level = Education
occupation_education_share = Share of workers
occupation_wages = Pay in the United States
occupation_wages_intro = Yearly pay in US dollars, not converted to rupees: pay in India is set by a different job market and cost of living.
occupation_wages_group = BLS publishes these figures for “{ $title }” (SOC { $soc }), the group this occupation belongs to.
occupation_wages_source = Source: US Bureau of Labor Statistics, Occupational Employment and Wage Statistics (OEWS), national estimates, { $period }. Basis: gross yearly wage, all industries. US public domain.
occupation_wages_none = The US Bureau of Labor Statistics publishes no yearly pay for this occupation.
occupation_wage_p10 = Lowest 10% earn less than
occupation_wage_p25 = Lowest 25% earn less than
occupation_wage_median = Median (half earn more)
occupation_wage_p75 = Top 25% earn more than
occupation_wage_p90 = Top 10% earn more than
occupation_wage_at_least = { $usd } or more
occupation_wage_withheld = not published
occupation_employment = About { $count } people did this job in the US in { $period }.
occupation_related = Related US occupations
occupation_source = Source and licence
occupation_onet_link = This occupation on O*NET OnLine ({ $code })
occupation_updated = Imported { $date }.
occupation_job_zone = O*NET Job Zone
occupation_onet_facts = US facts from O*NET and BLS
occupation_onet_more = Everything O*NET says about this job in the US
occupation_onet_facts_intro = This career matches the US occupation “{ $title }”. Facts from the US that this profile does not give:
us_education-less-than-high-school = Less than high school
us_education-high-school = High school diploma
us_education-post-secondary-certificate = Certificate after high school
us_education-some-college = Some college, no degree
us_education-associates = Associate's degree (two years)
us_education-bachelors = Bachelor's degree
us_education-post-baccalaureate-certificate = Certificate after a bachelor's degree
us_education-masters = Master's degree
us_education-post-masters-certificate = Certificate after a master's degree
us_education-first-professional = Professional degree (medicine, law …)
us_education-doctoral = Doctorate
us_education-post-doctoral = Post-doctoral training

## Curated institutes
institute_description = { $name }: { $kind } in { $place }. How admission works, main programmes, seats kept for some students, and official sources.
institute_website = Official website
institute_established = Founded
institute_admission = How admission works
institute_programmes = Main programmes
institute_seats = Seats kept for some students
institute_reviewed = Checked against these official pages on { $date }.
institute_not_aicte = Not in AICTE's list of approved institutions, so Disha's editors describe it here.

## The interest quiz (assessment), results and the dashboard
nav_assessment = Quiz
home_quiz = Not sure what suits you? Take the free interest quiz: 60 quick questions, about 10 minutes.
home_quiz_link = Start the interest quiz
assessment_title = Interest quiz
assessment_description = A free quiz of 60 work activities: find out which kinds of work you like, and the careers that fit you best, with the reasons.
assessment_lead = For each activity, choose how much you would like doing it. Do not worry about the money or the study it needs: only whether you would enjoy it. There are no right or wrong answers.
assessment_progress = Page { $page } of { $pages } · { $answered } of { $total } answered
assessment_scale_0 = Strongly dislike
assessment_scale_1 = Dislike
assessment_scale_2 = Not sure
assessment_scale_3 = Like
assessment_scale_4 = Strongly like
assessment_back = Back
assessment_next = Next
assessment_done = See my results
assessment_aim = Two questions about your plans (you can skip them)
assessment_level = How far do you plan to study?
assessment_level_unsure = Not sure yet
assessment_stream = Your stream in class 11 and 12
assessment_stream_unsure = Not chosen yet
assessment_unanswered = { $count ->
    [one] One activity is not answered yet.
   *[other] { $count } activities are not answered yet.
} The first is on page { $page }.
assessment_resume = Your answers are kept in this page's address: bookmark it to finish later. Nothing is saved until you see your results.
result_title = Your interest results
result_description = Interest quiz results: six interest scores, a Holland code and the careers that fit best.
result_code = Your code: { $code }
result_code_intro = Your three strongest interest areas, strongest first:
result_chart_title = Your interest scores
result_chart_desc = Scores out of 40: { $list }.
result_table_area = Interest area
result_table_score = Score (out of 40)
result_matches = Careers that fit you best
result_matches_intro = Fit is how closely the career's interests match yours{ $aim }. Open a career to see how to get there.
result_matches_aim = , and the study you plan
result_fit = { $fit }% fit
result_reason_interests = Shares your { $areas } interests
result_reason_level_same = Needs about the study you plan
result_reason_level_more = Needs more study than you plan
result_reason_level_less = Needs less study than you plan
result_reason_stream = Open to your stream
result_us = US occupation
result_save_career = Save to my dashboard
result_share = Your link to these results
result_share_note = Anyone with this link can see these results. Keep it to come back to them.
result_download = Download the results (JSON)
result_claim = Keep this result on my dashboard
result_claimed = This result is on your dashboard.
result_sign_up = Create a free account to keep this result, save careers and track your steps.
result_sign_up_link = Create an account
result_sign_in_link = or sign in
result_retake = Take the quiz again
result_method = How the matching works
area_name-R = Realistic
area_name-I = Investigative
area_name-A = Artistic
area_name-S = Social
area_name-E = Enterprising
area_name-C = Conventional
area_about-R = Working with your hands, tools, machines, plants or animals; often outdoors.
area_about-I = Finding out how things work: science, research, puzzles and ideas.
area_about-A = Creating things: art, music, writing, design, drama.
area_about-S = Helping people: teaching, caring, counselling, serving.
area_about-E = Leading and persuading: business, selling, politics, running things.
area_about-C = Keeping things in order: records, numbers, data and set ways of working.
guidance_heading = How the interest quiz works
guidance_description = What the interest quiz's six scores mean, how Disha matches careers to them, and what the quiz cannot tell you.
dashboard_title = My dashboard
dashboard_description = Your interest results, saved careers with your progress on each step, and your college shortlist.
dashboard_latest = Your latest result
dashboard_taken = Taken on { $date }
dashboard_no_result = You have no quiz result yet.
dashboard_take_quiz = Take the interest quiz
dashboard_history = Earlier results
dashboard_careers = Saved careers
dashboard_no_careers = No saved careers yet. Open a career and choose "Save to my dashboard".
dashboard_progress = { $finished } of { $total } steps done
dashboard_no_steps = Disha has no step-by-step roadmap for this US occupation.
dashboard_step_status = Status
dashboard_step_note = Your note
dashboard_step_save = Save
dashboard_step_update = Update this step
dashboard_remove = Remove
status-not-started = Not started
status-learning = Learning
status-done = Done
status-skipped = Skipped
dashboard_colleges = Your college shortlist
dashboard_no_colleges = No colleges yet. Open a college and choose "Add to my shortlist".
dashboard_next = What to do next
dashboard_next_step = Step { $number }: { $title }
dashboard_next_done = Every step is done or skipped.
dashboard_next_colleges = Colleges that teach { $course }
dashboard_data = Your data
dashboard_download = Download all my data (JSON)
dashboard_delete = Delete my account
dashboard_delete_intro = This deletes your account and everything Disha keeps about you: quiz results, saved careers, steps, notes, shortlist, articles and comments. It cannot be undone.
dashboard_delete_password = Your password
dashboard_delete_button = Delete my account and data
dashboard_deleted_heading = Your account is deleted
dashboard_deleted_lead = Your account and everything Disha kept about you have been deleted.
career_save = Save to my dashboard
register_continue = Continue where you were
college_shortlist = Add to my shortlist

## Search
search_title = Search
search_title_for = Search: { $q }
search_description = Search Disha's careers, courses, colleges and articles from one box.
search_count = { $count ->
    [0] Nothing found for “{ $q }”.
    [one] One result for “{ $q }”.
   *[other] { $count } results for “{ $q }”.
}
search_partial = Nothing matched all your words, so these results match some of them.
search_corrected = Some words were not found as typed, so spellings a letter or two away were searched for too.
search_narrow = Narrow the results
search_facet_kind = Show
search_facet_stream = Career field
search_facet_state = State
search_facet_level = Level
search_any = All
search_kind-career = Career
search_kind-course = Course
search_kind-college = College
search_kind-article = Article
search_kind_us = US occupation
search_none = Try fewer or shorter words, or browse:
search_browse_careers = all careers
search_browse_colleges = the college finder
search_fix = Please change this and search again:
search_pages = Result pages
search_prev = Previous
search_next = Next
search_page = Page { $page } of { $pages }
