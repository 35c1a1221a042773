"""initial schema: every record of the domain (docs/DOMAIN.md) (generated from the models, reviewed)

Revision ID: 0001
Revises: 
Create Date: 2026-11-22
"""
from alembic import op
import sqlalchemy as sa


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('annual_targets',
    sa.Column('fiscal_year', sa.Integer(), nullable=False),
    sa.Column('indicator', sa.String(length=32), nullable=False),
    sa.Column('value', sa.Double(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.Uuid(), nullable=True),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.Uuid(), nullable=True),
    sa.Column('origin', sa.String(length=64), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_annual_targets')),
    sa.UniqueConstraint('fiscal_year', 'indicator', name='uq_annual_targets_fy_indicator')
    )
    op.create_table('audit_log',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('user_id', sa.Uuid(), nullable=True),
    sa.Column('username', sa.String(length=64), nullable=False),
    sa.Column('action', sa.String(length=32), nullable=False),
    sa.Column('entity', sa.String(length=32), nullable=False),
    sa.Column('entity_id', sa.String(length=64), nullable=False),
    sa.Column('detail', sa.Text(), nullable=False),
    sa.Column('origin', sa.String(length=64), nullable=False),
    sa.Column('prev_hash', sa.String(length=64), nullable=False),
    sa.Column('hash', sa.String(length=64), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_log')),
    sa.UniqueConstraint('seq', name=op.f('uq_audit_log_seq'))
    )
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_log_action'), ['action'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_log_entity_id'), ['entity_id'], unique=False)

    op.create_table('hello_work_offices',
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('address', sa.String(length=200), nullable=False),
    sa.Column('phone', sa.String(length=20), nullable=False),
    sa.Column('navigator', sa.String(length=100), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.Uuid(), nullable=True),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.Uuid(), nullable=True),
    sa.Column('origin', sa.String(length=64), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_hello_work_offices')),
    sa.UniqueConstraint('name', name=op.f('uq_hello_work_offices_name'))
    )
    op.create_table('settings',
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('value', sa.JSON(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.Uuid(), nullable=True),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.Uuid(), nullable=True),
    sa.Column('origin', sa.String(length=64), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_settings')),
    sa.UniqueConstraint('key', name=op.f('uq_settings_key'))
    )
    op.create_table('users',
    sa.Column('username', sa.String(length=64), nullable=False),
    sa.Column('display_name', sa.String(length=100), nullable=False),
    sa.Column('role', sa.String(length=16), nullable=False),
    sa.Column('password_hash', sa.String(length=255), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('failed_logins', sa.Integer(), nullable=False),
    sa.Column('locked_until', sa.DateTime(timezone=True), nullable=True),
    sa.Column('last_login_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.Uuid(), nullable=True),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.Uuid(), nullable=True),
    sa.Column('origin', sa.String(length=64), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_users')),
    sa.UniqueConstraint('username', name=op.f('uq_users_username'))
    )
    op.create_table('persons',
    sa.Column('case_number', sa.String(length=32), nullable=False),
    sa.Column('family_name', sa.String(length=50), nullable=False),
    sa.Column('given_name', sa.String(length=50), nullable=False),
    sa.Column('family_kana', sa.String(length=100), nullable=False),
    sa.Column('given_kana', sa.String(length=100), nullable=False),
    sa.Column('birth_date', sa.Date(), nullable=False),
    sa.Column('sex', sa.String(length=8), nullable=True),
    sa.Column('postal_code', sa.String(length=8), nullable=False),
    sa.Column('address', sa.String(length=200), nullable=False),
    sa.Column('phone_home', sa.String(length=20), nullable=False),
    sa.Column('phone_mobile', sa.String(length=20), nullable=False),
    sa.Column('household', sa.Text(), nullable=False),
    sa.Column('category', sa.String(length=24), nullable=False),
    sa.Column('barriers', sa.Text(), nullable=False),
    sa.Column('education', sa.Text(), nullable=False),
    sa.Column('work_history', sa.Text(), nullable=False),
    sa.Column('licences', sa.Text(), nullable=False),
    sa.Column('desired_job', sa.String(length=200), nullable=False),
    sa.Column('desired_hours', sa.String(length=100), nullable=False),
    sa.Column('desired_wage', sa.String(length=100), nullable=False),
    sa.Column('desired_area', sa.String(length=100), nullable=False),
    sa.Column('caseworker_id', sa.Uuid(), nullable=True),
    sa.Column('name_key', sa.String(length=100), nullable=False),
    sa.Column('given_name_key', sa.String(length=50), nullable=False),
    sa.Column('kana_key', sa.String(length=100), nullable=False),
    sa.Column('given_kana_key', sa.String(length=100), nullable=False),
    sa.Column('case_number_key', sa.String(length=32), nullable=False),
    sa.Column('search_text', sa.Text(), nullable=False),
    sa.Column('search_no', sa.Integer(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.Uuid(), nullable=True),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.Uuid(), nullable=True),
    sa.Column('origin', sa.String(length=64), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['caseworker_id'], ['users.id'], name=op.f('fk_persons_caseworker_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_persons')),
    sa.UniqueConstraint('case_number', name=op.f('uq_persons_case_number')),
    sa.UniqueConstraint('search_no', name=op.f('uq_persons_search_no'))
    )
    with op.batch_alter_table('persons', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_persons_case_number_key'), ['case_number_key'], unique=False)
        batch_op.create_index('ix_persons_caseworker_kana', ['caseworker_id', 'kana_key'], unique=False)
        batch_op.create_index(batch_op.f('ix_persons_given_kana_key'), ['given_kana_key'], unique=False)
        batch_op.create_index(batch_op.f('ix_persons_given_name_key'), ['given_name_key'], unique=False)
        batch_op.create_index('ix_persons_kana_birth', ['kana_key', 'birth_date'], unique=False)
        batch_op.create_index(batch_op.f('ix_persons_kana_key'), ['kana_key'], unique=False)
        batch_op.create_index(batch_op.f('ix_persons_name_key'), ['name_key'], unique=False)

    op.create_table('case_shares',
    sa.Column('person_id', sa.Uuid(), nullable=False),
    sa.Column('user_id', sa.Uuid(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.Uuid(), nullable=True),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.Uuid(), nullable=True),
    sa.Column('origin', sa.String(length=64), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['person_id'], ['persons.id'], name=op.f('fk_case_shares_person_id_persons'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_case_shares_user_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_case_shares')),
    sa.UniqueConstraint('person_id', 'user_id', name='uq_case_shares_person_user')
    )
    with op.batch_alter_table('case_shares', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_case_shares_user_id'), ['user_id'], unique=False)

    op.create_table('episodes',
    sa.Column('person_id', sa.Uuid(), nullable=False),
    sa.Column('state', sa.String(length=16), nullable=False),
    sa.Column('state_since', sa.Date(), nullable=False),
    sa.Column('intake_on', sa.Date(), nullable=False),
    sa.Column('screening_decision', sa.String(length=16), nullable=True),
    sa.Column('screening_decided_on', sa.Date(), nullable=True),
    sa.Column('screening_meeting', sa.String(length=100), nullable=False),
    sa.Column('support_start_on', sa.Date(), nullable=True),
    sa.Column('planned_end_on', sa.Date(), nullable=True),
    sa.Column('closed_on', sa.Date(), nullable=True),
    sa.Column('closure_reason', sa.String(length=32), nullable=True),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.Uuid(), nullable=True),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.Uuid(), nullable=True),
    sa.Column('origin', sa.String(length=64), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['person_id'], ['persons.id'], name=op.f('fk_episodes_person_id_persons'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_episodes'))
    )
    with op.batch_alter_table('episodes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_episodes_closed_on'), ['closed_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_episodes_person_id'), ['person_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_episodes_planned_end_on'), ['planned_end_on'], unique=False)

    op.create_table('consents',
    sa.Column('episode_id', sa.Uuid(), nullable=False),
    sa.Column('kind', sa.String(length=24), nullable=False),
    sa.Column('recipients', sa.JSON(), nullable=False),
    sa.Column('scope', sa.JSON(), nullable=False),
    sa.Column('signed_on', sa.Date(), nullable=False),
    sa.Column('valid_until', sa.Date(), nullable=True),
    sa.Column('withdrawn_on', sa.Date(), nullable=True),
    sa.Column('withdrawal_note', sa.Text(), nullable=False),
    sa.Column('wording_version', sa.String(length=32), nullable=False),
    sa.Column('wording_text', sa.Text(), nullable=False),
    sa.Column('wording_hash', sa.String(length=64), nullable=False),
    sa.Column('scan', sa.LargeBinary(), nullable=True),
    sa.Column('scan_mime', sa.String(length=64), nullable=True),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.Uuid(), nullable=True),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.Uuid(), nullable=True),
    sa.Column('origin', sa.String(length=64), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['episode_id'], ['episodes.id'], name=op.f('fk_consents_episode_id_episodes'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_consents'))
    )
    with op.batch_alter_table('consents', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_consents_episode_id'), ['episode_id'], unique=False)

    op.create_table('contact_logs',
    sa.Column('episode_id', sa.Uuid(), nullable=False),
    sa.Column('contact_on', sa.Date(), nullable=False),
    sa.Column('kind', sa.String(length=24), nullable=False),
    sa.Column('staff_id', sa.Uuid(), nullable=True),
    sa.Column('content', sa.Text(), nullable=False),
    sa.Column('next_action', sa.Text(), nullable=False),
    sa.Column('next_action_due', sa.Date(), nullable=True),
    sa.Column('next_action_done_on', sa.Date(), nullable=True),
    sa.Column('attendees_welfare', sa.Text(), nullable=False),
    sa.Column('attendees_hello_work', sa.Text(), nullable=False),
    sa.Column('decisions', sa.Text(), nullable=False),
    sa.Column('next_review_on', sa.Date(), nullable=True),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.Uuid(), nullable=True),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.Uuid(), nullable=True),
    sa.Column('origin', sa.String(length=64), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['episode_id'], ['episodes.id'], name=op.f('fk_contact_logs_episode_id_episodes'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['staff_id'], ['users.id'], name=op.f('fk_contact_logs_staff_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_contact_logs'))
    )
    with op.batch_alter_table('contact_logs', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_contact_logs_episode_id'), ['episode_id'], unique=False)
        batch_op.create_index('ix_contact_logs_open_actions', ['next_action_done_on', 'next_action_due'], unique=False)

    op.create_table('placements',
    sa.Column('episode_id', sa.Uuid(), nullable=False),
    sa.Column('start_on', sa.Date(), nullable=False),
    sa.Column('employer', sa.String(length=200), nullable=False),
    sa.Column('employer_address', sa.String(length=200), nullable=False),
    sa.Column('job_title', sa.String(length=100), nullable=False),
    sa.Column('employment_type', sa.String(length=32), nullable=False),
    sa.Column('term_category', sa.String(length=16), nullable=False),
    sa.Column('weekly_hours', sa.Double(), nullable=True),
    sa.Column('wage_amount', sa.Integer(), nullable=True),
    sa.Column('wage_unit', sa.String(length=8), nullable=False),
    sa.Column('employment_insurance', sa.Boolean(), nullable=False),
    sa.Column('route', sa.String(length=16), nullable=False),
    sa.Column('end_on', sa.Date(), nullable=True),
    sa.Column('end_reason', sa.Text(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.Uuid(), nullable=True),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.Uuid(), nullable=True),
    sa.Column('origin', sa.String(length=64), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['episode_id'], ['episodes.id'], name=op.f('fk_placements_episode_id_episodes'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_placements'))
    )
    with op.batch_alter_table('placements', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_placements_episode_id'), ['episode_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_placements_start_on'), ['start_on'], unique=False)

    op.create_table('plans',
    sa.Column('episode_id', sa.Uuid(), nullable=False),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.Column('team', sa.JSON(), nullable=False),
    sa.Column('goal_job', sa.String(length=200), nullable=False),
    sa.Column('goal_employment_type', sa.String(length=32), nullable=False),
    sa.Column('goal_hours', sa.String(length=100), nullable=False),
    sa.Column('goal_wage', sa.String(length=100), nullable=False),
    sa.Column('goal_area', sa.String(length=100), nullable=False),
    sa.Column('goal_target_on', sa.Date(), nullable=True),
    sa.Column('barriers', sa.Text(), nullable=False),
    sa.Column('menu', sa.JSON(), nullable=False),
    sa.Column('role_hello_work', sa.Text(), nullable=False),
    sa.Column('role_welfare', sa.Text(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.Uuid(), nullable=True),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.Uuid(), nullable=True),
    sa.Column('origin', sa.String(length=64), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['episode_id'], ['episodes.id'], name=op.f('fk_plans_episode_id_episodes'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_plans')),
    sa.UniqueConstraint('episode_id', 'revision', name='uq_plans_episode_rev')
    )
    with op.batch_alter_table('plans', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_plans_episode_id'), ['episode_id'], unique=False)

    op.create_table('protection_outcomes',
    sa.Column('episode_id', sa.Uuid(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('decided_on', sa.Date(), nullable=False),
    sa.Column('independence_benefit', sa.Boolean(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.Uuid(), nullable=True),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.Uuid(), nullable=True),
    sa.Column('origin', sa.String(length=64), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['episode_id'], ['episodes.id'], name=op.f('fk_protection_outcomes_episode_id_episodes'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_protection_outcomes'))
    )
    with op.batch_alter_table('protection_outcomes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_protection_outcomes_decided_on'), ['decided_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_protection_outcomes_episode_id'), ['episode_id'], unique=False)

    op.create_table('referrals',
    sa.Column('episode_id', sa.Uuid(), nullable=False),
    sa.Column('number', sa.String(length=32), nullable=False),
    sa.Column('referred_on', sa.Date(), nullable=False),
    sa.Column('office_id', sa.Uuid(), nullable=False),
    sa.Column('sent_by', sa.Uuid(), nullable=True),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('status_on', sa.Date(), nullable=True),
    sa.Column('return_reason', sa.Text(), nullable=False),
    sa.Column('printed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.Uuid(), nullable=True),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.Uuid(), nullable=True),
    sa.Column('origin', sa.String(length=64), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['episode_id'], ['episodes.id'], name=op.f('fk_referrals_episode_id_episodes'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['office_id'], ['hello_work_offices.id'], name=op.f('fk_referrals_office_id_hello_work_offices')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_referrals')),
    sa.UniqueConstraint('number', name=op.f('uq_referrals_number'))
    )
    with op.batch_alter_table('referrals', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_referrals_episode_id'), ['episode_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_referrals_referred_on'), ['referred_on'], unique=False)
        batch_op.create_index('ix_referrals_status_referred_on', ['status', 'referred_on'], unique=False)

    op.create_table('support_extensions',
    sa.Column('episode_id', sa.Uuid(), nullable=False),
    sa.Column('previous_end_on', sa.Date(), nullable=True),
    sa.Column('new_end_on', sa.Date(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.Uuid(), nullable=True),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.Uuid(), nullable=True),
    sa.Column('origin', sa.String(length=64), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['episode_id'], ['episodes.id'], name=op.f('fk_support_extensions_episode_id_episodes'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_support_extensions'))
    )
    with op.batch_alter_table('support_extensions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_support_extensions_episode_id'), ['episode_id'], unique=False)

    op.create_table('transitions',
    sa.Column('episode_id', sa.Uuid(), nullable=False),
    sa.Column('from_state', sa.String(length=16), nullable=True),
    sa.Column('to_state', sa.String(length=16), nullable=False),
    sa.Column('effective_on', sa.Date(), nullable=False),
    sa.Column('recorded_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('actor_id', sa.Uuid(), nullable=True),
    sa.Column('reason', sa.String(length=32), nullable=True),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.Uuid(), nullable=True),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.Uuid(), nullable=True),
    sa.Column('origin', sa.String(length=64), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['episode_id'], ['episodes.id'], name=op.f('fk_transitions_episode_id_episodes'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_transitions'))
    )
    with op.batch_alter_table('transitions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_transitions_effective_on'), ['effective_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_transitions_episode_id'), ['episode_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_transitions_to_state'), ['to_state'], unique=False)

    op.create_table('plan_reviews',
    sa.Column('plan_id', sa.Uuid(), nullable=False),
    sa.Column('due_on', sa.Date(), nullable=False),
    sa.Column('done_on', sa.Date(), nullable=True),
    sa.Column('result', sa.Text(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.Uuid(), nullable=True),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.Uuid(), nullable=True),
    sa.Column('origin', sa.String(length=64), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['plan_id'], ['plans.id'], name=op.f('fk_plan_reviews_plan_id_plans'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_plan_reviews'))
    )
    with op.batch_alter_table('plan_reviews', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_plan_reviews_due_on'), ['due_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_plan_reviews_plan_id'), ['plan_id'], unique=False)

    op.create_table('retention_checkpoints',
    sa.Column('placement_id', sa.Uuid(), nullable=False),
    sa.Column('episode_id', sa.Uuid(), nullable=False),
    sa.Column('months', sa.Integer(), nullable=False),
    sa.Column('due_on', sa.Date(), nullable=False),
    sa.Column('done_on', sa.Date(), nullable=True),
    sa.Column('result', sa.String(length=16), nullable=True),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.Uuid(), nullable=True),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.Uuid(), nullable=True),
    sa.Column('origin', sa.String(length=64), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['episode_id'], ['episodes.id'], name=op.f('fk_retention_checkpoints_episode_id_episodes'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['placement_id'], ['placements.id'], name=op.f('fk_retention_checkpoints_placement_id_placements'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_retention_checkpoints'))
    )
    with op.batch_alter_table('retention_checkpoints', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_retention_checkpoints_due_on'), ['due_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_retention_checkpoints_episode_id'), ['episode_id'], unique=False)
        batch_op.create_index('ix_retention_checkpoints_open_due', ['done_on', 'due_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_retention_checkpoints_placement_id'), ['placement_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('retention_checkpoints', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_retention_checkpoints_placement_id'))
        batch_op.drop_index('ix_retention_checkpoints_open_due')
        batch_op.drop_index(batch_op.f('ix_retention_checkpoints_episode_id'))
        batch_op.drop_index(batch_op.f('ix_retention_checkpoints_due_on'))

    op.drop_table('retention_checkpoints')
    with op.batch_alter_table('plan_reviews', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_plan_reviews_plan_id'))
        batch_op.drop_index(batch_op.f('ix_plan_reviews_due_on'))

    op.drop_table('plan_reviews')
    with op.batch_alter_table('transitions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_transitions_to_state'))
        batch_op.drop_index(batch_op.f('ix_transitions_episode_id'))
        batch_op.drop_index(batch_op.f('ix_transitions_effective_on'))

    op.drop_table('transitions')
    with op.batch_alter_table('support_extensions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_support_extensions_episode_id'))

    op.drop_table('support_extensions')
    with op.batch_alter_table('referrals', schema=None) as batch_op:
        batch_op.drop_index('ix_referrals_status_referred_on')
        batch_op.drop_index(batch_op.f('ix_referrals_referred_on'))
        batch_op.drop_index(batch_op.f('ix_referrals_episode_id'))

    op.drop_table('referrals')
    with op.batch_alter_table('protection_outcomes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_protection_outcomes_episode_id'))
        batch_op.drop_index(batch_op.f('ix_protection_outcomes_decided_on'))

    op.drop_table('protection_outcomes')
    with op.batch_alter_table('plans', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_plans_episode_id'))

    op.drop_table('plans')
    with op.batch_alter_table('placements', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_placements_start_on'))
        batch_op.drop_index(batch_op.f('ix_placements_episode_id'))

    op.drop_table('placements')
    with op.batch_alter_table('contact_logs', schema=None) as batch_op:
        batch_op.drop_index('ix_contact_logs_open_actions')
        batch_op.drop_index(batch_op.f('ix_contact_logs_episode_id'))

    op.drop_table('contact_logs')
    with op.batch_alter_table('consents', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_consents_episode_id'))

    op.drop_table('consents')
    with op.batch_alter_table('episodes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_episodes_planned_end_on'))
        batch_op.drop_index(batch_op.f('ix_episodes_person_id'))
        batch_op.drop_index(batch_op.f('ix_episodes_closed_on'))

    op.drop_table('episodes')
    with op.batch_alter_table('case_shares', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_case_shares_user_id'))

    op.drop_table('case_shares')
    with op.batch_alter_table('persons', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_persons_name_key'))
        batch_op.drop_index(batch_op.f('ix_persons_kana_key'))
        batch_op.drop_index('ix_persons_kana_birth')
        batch_op.drop_index(batch_op.f('ix_persons_given_name_key'))
        batch_op.drop_index(batch_op.f('ix_persons_given_kana_key'))
        batch_op.drop_index('ix_persons_caseworker_kana')
        batch_op.drop_index(batch_op.f('ix_persons_case_number_key'))

    op.drop_table('persons')
    op.drop_table('users')
    op.drop_table('settings')
    op.drop_table('hello_work_offices')
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_audit_log_entity_id'))
        batch_op.drop_index(batch_op.f('ix_audit_log_action'))

    op.drop_table('audit_log')
    op.drop_table('annual_targets')
