-- Full-text search (issue 15, ADR 0015). Not generated from the Drizzle schema: FTS5 virtual tables, the views
-- that say what each kind of record is found by, the triggers that keep the index in step with every writer
-- (services, CLI, import, demo), and the first build of the index from the rows already there.
-- One contentless FTS5 table per kind, rowid = the record's id. The trigram tokenizer matches any substring of
-- three or more characters; remove_diacritics folds Estonian letters (õ ä ö ü š ž) and case, in the index and
-- in the query alike. Phone numbers are indexed a second time as digits only, so that spaces do not matter.
create virtual table search_orders using fts5(body, content='', contentless_delete=1, tokenize='trigram remove_diacritics 1');
--> statement-breakpoint
create view search_orders_source as
select o.id as id,
  o.number || ' ' || o.description || ' ' || c.name || ' ' || coalesce(s.name || ' ' || s.street || ' ' || s.city, '') || ' ' ||
  o.one_time_address || ' ' || coalesce(k.name, '') || ' ' ||
  coalesce((select group_concat(so.number || ' ' || so.name || ' ' || so.serial_number, ' ')
            from service_order_objects oo join service_objects so on so.id = oo.service_object_id where oo.order_id = o.id), '') as body
from service_orders o
join customers c on c.id = o.customer_id
left join customer_sites s on s.id = o.site_id
left join customer_contacts k on k.id = o.contact_id;
--> statement-breakpoint
create trigger search_orders_ai after insert on service_orders begin
  insert into search_orders (rowid, body) select id, body from search_orders_source where id = new.id;
end;
--> statement-breakpoint
create trigger search_orders_au after update of number, description, customer_id, site_id, one_time_address, contact_id on service_orders when old.number is not new.number or old.description is not new.description or old.customer_id is not new.customer_id or old.site_id is not new.site_id or old.one_time_address is not new.one_time_address or old.contact_id is not new.contact_id begin
  delete from search_orders where rowid in (new.id);
  insert into search_orders (rowid, body) select id, body from search_orders_source where id in (new.id);
end;
--> statement-breakpoint
create trigger search_orders_ad after delete on service_orders begin
  delete from search_orders where rowid = old.id;
end;
--> statement-breakpoint
create virtual table search_customers using fts5(body, content='', contentless_delete=1, tokenize='trigram remove_diacritics 1');
--> statement-breakpoint
create view search_customers_source as
select id, number || ' ' || name || ' ' || phone || ' ' || replace(replace(replace(replace(replace(replace(phone, ' ', ''), '-', ''), '(', ''), ')', ''), '.', ''), '+', '') || ' ' || email || ' ' || invoice_email || ' ' ||
  registry_code || ' ' || vat_number as body
from customers;
--> statement-breakpoint
create trigger search_customers_ai after insert on customers begin
  insert into search_customers (rowid, body) select id, body from search_customers_source where id = new.id;
end;
--> statement-breakpoint
create trigger search_customers_au after update of number, name, phone, email, invoice_email, registry_code, vat_number on customers when old.number is not new.number or old.name is not new.name or old.phone is not new.phone or old.email is not new.email or old.invoice_email is not new.invoice_email or old.registry_code is not new.registry_code or old.vat_number is not new.vat_number begin
  delete from search_customers where rowid in (new.id);
  insert into search_customers (rowid, body) select id, body from search_customers_source where id in (new.id);
end;
--> statement-breakpoint
create trigger search_customers_ad after delete on customers begin
  delete from search_customers where rowid = old.id;
end;
--> statement-breakpoint
create virtual table search_contacts using fts5(body, content='', contentless_delete=1, tokenize='trigram remove_diacritics 1');
--> statement-breakpoint
create view search_contacts_source as
select id, name || ' ' || role || ' ' || phone || ' ' || replace(replace(replace(replace(replace(replace(phone, ' ', ''), '-', ''), '(', ''), ')', ''), '.', ''), '+', '') || ' ' || email as body
from customer_contacts;
--> statement-breakpoint
create trigger search_contacts_ai after insert on customer_contacts begin
  insert into search_contacts (rowid, body) select id, body from search_contacts_source where id = new.id;
end;
--> statement-breakpoint
create trigger search_contacts_au after update of name, role, phone, email on customer_contacts when old.name is not new.name or old.role is not new.role or old.phone is not new.phone or old.email is not new.email begin
  delete from search_contacts where rowid in (new.id);
  insert into search_contacts (rowid, body) select id, body from search_contacts_source where id in (new.id);
end;
--> statement-breakpoint
create trigger search_contacts_ad after delete on customer_contacts begin
  delete from search_contacts where rowid = old.id;
end;
--> statement-breakpoint
create virtual table search_sites using fts5(body, content='', contentless_delete=1, tokenize='trigram remove_diacritics 1');
--> statement-breakpoint
create view search_sites_source as
select id, name || ' ' || street || ' ' || city || ' ' || postal_code as body
from customer_sites;
--> statement-breakpoint
create trigger search_sites_ai after insert on customer_sites begin
  insert into search_sites (rowid, body) select id, body from search_sites_source where id = new.id;
end;
--> statement-breakpoint
create trigger search_sites_au after update of name, street, city, postal_code on customer_sites when old.name is not new.name or old.street is not new.street or old.city is not new.city or old.postal_code is not new.postal_code begin
  delete from search_sites where rowid in (new.id);
  insert into search_sites (rowid, body) select id, body from search_sites_source where id in (new.id);
end;
--> statement-breakpoint
create trigger search_sites_ad after delete on customer_sites begin
  delete from search_sites where rowid = old.id;
end;
--> statement-breakpoint
create virtual table search_objects using fts5(body, content='', contentless_delete=1, tokenize='trigram remove_diacritics 1');
--> statement-breakpoint
create view search_objects_source as
select id, number || ' ' || name || ' ' || serial_number as body
from service_objects;
--> statement-breakpoint
create trigger search_objects_ai after insert on service_objects begin
  insert into search_objects (rowid, body) select id, body from search_objects_source where id = new.id;
end;
--> statement-breakpoint
create trigger search_objects_au after update of number, name, serial_number on service_objects when old.number is not new.number or old.name is not new.name or old.serial_number is not new.serial_number begin
  delete from search_objects where rowid in (new.id);
  insert into search_objects (rowid, body) select id, body from search_objects_source where id in (new.id);
end;
--> statement-breakpoint
create trigger search_objects_ad after delete on service_objects begin
  delete from search_objects where rowid = old.id;
end;
--> statement-breakpoint
create virtual table search_agreements using fts5(body, content='', contentless_delete=1, tokenize='trigram remove_diacritics 1');
--> statement-breakpoint
create view search_agreements_source as
select id, number || ' ' || description as body
from agreements;
--> statement-breakpoint
create trigger search_agreements_ai after insert on agreements begin
  insert into search_agreements (rowid, body) select id, body from search_agreements_source where id = new.id;
end;
--> statement-breakpoint
create trigger search_agreements_au after update of number, description on agreements when old.number is not new.number or old.description is not new.description begin
  delete from search_agreements where rowid in (new.id);
  insert into search_agreements (rowid, body) select id, body from search_agreements_source where id in (new.id);
end;
--> statement-breakpoint
create trigger search_agreements_ad after delete on agreements begin
  delete from search_agreements where rowid = old.id;
end;
--> statement-breakpoint
create virtual table search_invoices using fts5(body, content='', contentless_delete=1, tokenize='trigram remove_diacritics 1');
--> statement-breakpoint
create view search_invoices_source as
select id, number || ' ' || reference_number as body
from invoices;
--> statement-breakpoint
create trigger search_invoices_ai after insert on invoices begin
  insert into search_invoices (rowid, body) select id, body from search_invoices_source where id = new.id;
end;
--> statement-breakpoint
create trigger search_invoices_au after update of number, reference_number on invoices when old.number is not new.number or old.reference_number is not new.reference_number begin
  delete from search_invoices where rowid in (new.id);
  insert into search_invoices (rowid, body) select id, body from search_invoices_source where id in (new.id);
end;
--> statement-breakpoint
create trigger search_invoices_ad after delete on invoices begin
  delete from search_invoices where rowid = old.id;
end;
--> statement-breakpoint
create trigger search_orders_objects_ai after insert on service_order_objects begin
  delete from search_orders where rowid in (new.order_id);
  insert into search_orders (rowid, body) select id, body from search_orders_source where id in (new.order_id);
end;
--> statement-breakpoint
create trigger search_orders_objects_au after update on service_order_objects begin
  delete from search_orders where rowid in (old.order_id, new.order_id);
  insert into search_orders (rowid, body) select id, body from search_orders_source where id in (old.order_id, new.order_id);
end;
--> statement-breakpoint
create trigger search_orders_objects_ad after delete on service_order_objects begin
  delete from search_orders where rowid in (old.order_id);
  insert into search_orders (rowid, body) select id, body from search_orders_source where id in (old.order_id);
end;
--> statement-breakpoint
create trigger search_orders_customer_au after update of name on customers when old.name is not new.name begin
  delete from search_orders where rowid in (select id from service_orders where customer_id = new.id);
  insert into search_orders (rowid, body) select id, body from search_orders_source where id in (select id from service_orders where customer_id = new.id);
end;
--> statement-breakpoint
create trigger search_orders_site_au after update of name, street, city on customer_sites
when old.name is not new.name or old.street is not new.street or old.city is not new.city begin
  delete from search_orders where rowid in (select id from service_orders where site_id = new.id);
  insert into search_orders (rowid, body) select id, body from search_orders_source where id in (select id from service_orders where site_id = new.id);
end;
--> statement-breakpoint
create trigger search_orders_contact_au after update of name on customer_contacts when old.name is not new.name begin
  delete from search_orders where rowid in (select id from service_orders where contact_id = new.id);
  insert into search_orders (rowid, body) select id, body from search_orders_source where id in (select id from service_orders where contact_id = new.id);
end;
--> statement-breakpoint
create trigger search_orders_object_au after update of number, name, serial_number on service_objects
when old.number is not new.number or old.name is not new.name or old.serial_number is not new.serial_number begin
  delete from search_orders where rowid in (select order_id from service_order_objects where service_object_id = new.id);
  insert into search_orders (rowid, body) select id, body from search_orders_source where id in (select order_id from service_order_objects where service_object_id = new.id);
end;
--> statement-breakpoint
insert into search_orders (rowid, body) select id, body from search_orders_source;
--> statement-breakpoint
insert into search_customers (rowid, body) select id, body from search_customers_source;
--> statement-breakpoint
insert into search_contacts (rowid, body) select id, body from search_contacts_source;
--> statement-breakpoint
insert into search_sites (rowid, body) select id, body from search_sites_source;
--> statement-breakpoint
insert into search_objects (rowid, body) select id, body from search_objects_source;
--> statement-breakpoint
insert into search_agreements (rowid, body) select id, body from search_agreements_source;
--> statement-breakpoint
insert into search_invoices (rowid, body) select id, body from search_invoices_source;
