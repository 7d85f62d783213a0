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
footer_onet = This product includes information from the O*NET 27.0 Database by the U.S. Department of Labor, Employment and Training Administration (USDOL/ETA). Used under the CC BY 4.0 license. O*NET® is a trademark of USDOL/ETA. Interest scores and education levels come from O*NET; Disha has adapted the career text for India.
home_title = Disha: find your direction after class 10 and 12
home_description = Plain guides to careers in India: what the work is, which stream and entrance exams lead there, what courses cost and what jobs pay.
home_heading = Which career suits you?
home_intro = Read plain guides to { $total } careers: what the work is like, which stream to pick after class 10, which entrance exams and courses lead there, what they cost and what the jobs pay.
search_label = Search careers by name
search_hint = For example: developer, doctor, lawyer, designer
search_button = Search
home_streams = Browse by stream
home_featured = Featured careers
home_all_careers = See all { $total } careers
careers_title = All careers
careers_description = Browse career guides for students in India by stream and by how much study they need.
careers_heading = Careers
careers_intro = Filter by stream or by how much study a career needs, or type the start of a word in its name.
filter_heading = Filter careers
filter_stream = Career field
filter_school_stream = Stream after class 10
filter_any_school_stream = Any stream
filter_any_stream = All fields
filter_level = Education level
filter_any_level = Any level
filter_q = Name contains a word starting with
filter_sort = Sort by
sort_title = Name (A–Z)
sort_level = Least study first
sort_updated = Recently updated
filter_apply = Show careers
filter_clear = Clear filters
results_none = No careers match these filters. Try fewer filters or another word.
pagination_label = Pages of results
pagination_prev = Previous page
pagination_next = Next page
pagination_page = Page { $page }
pagination_current = Page { $page } of { $pages }
invalid_filters = Some filters were not understood:
level_short = Level { $level } of 5
level_1 = Little preparation needed
level_2 = Some preparation: class 10 or 12
level_3 = Medium preparation: a diploma or vocational training
level_4 = Considerable preparation: a bachelor's degree
level_5 = Extensive preparation: a postgraduate or professional degree
breadcrumb_label = Breadcrumb
career_facts = At a glance
career_stream = Career field
career_level = O*NET Job Zone (US preparation level)
career_holland = Holland code
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
course_fees = Typical fees
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
example_mark = Example
figures_source = Source: { $source }. As of { $as_of }.
figures_note = “Example” marks an editorial estimate, not a survey result. Pay varies a lot by city, employer and skill.
career_interests = Interest profile
interests_intro = How strongly people in this work tend to show each of the six Holland (RIASEC) interests, on O*NET's scale from 1 (low) to 7 (high). Scores from O*NET occupation { $code }, “{ $title }”.
interests_borrowed = This career is O*NET occupation { $code }, “{ $title }”. O*NET 27.0 has no interest scores for it, so the scores below are those of the closest occupation that has them.
interest_score = Score
riasec_r = Realistic: hands-on, practical work
riasec_i = Investigative: ideas, analysis, research
riasec_a = Artistic: creating, designing, expressing
riasec_s = Social: helping, teaching, caring
riasec_e = Enterprising: leading, persuading, selling
riasec_c = Conventional: order, detail, procedures
career_faqs = Frequently asked questions
career_related = Related careers
career_revision = Revision { $revision }, last updated { $date }.
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
